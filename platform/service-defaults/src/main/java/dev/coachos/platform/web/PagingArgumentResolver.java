package dev.coachos.platform.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a handler method's {@link Paging} parameter from the {@code page}, {@code size} and {@code sort} query parameters. */
public final class PagingArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Paging resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        PagingDefaults defaults = parameter.getParameterAnnotation(PagingDefaults.class);
        String[] sort = request.getParameterValues("sort");
        List<String> orders = sort == null ? List.of() : Arrays.asList(sort);
        return Paging.parse(request.getParameter("page"), request.getParameter("size"), orders,
                defaults == null ? Paging.DEFAULT_SIZE : defaults.size());
    }
}
