package dev.coachos.platform.openapi;

import java.math.BigDecimal;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingDefaults;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * A {@link Paging} argument is read from three query parameters ({@code page}, {@code size}, {@code sort}); springdoc
 * would show it as one required object parameter named {@code paging}, which no client can send. springdoc is told to
 * leave it out ({@link OpenApiDefaults}), and this adds the three parameters with their ranges and defaults.
 */
final class PagingParameters implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            if (Paging.class.equals(parameter.getParameterType())) {
                PagingDefaults defaults = parameter.getParameterAnnotation(PagingDefaults.class);
                int size = defaults == null ? Paging.DEFAULT_SIZE : defaults.size();
                add(operation, "page", "The page to answer with, counted from 0",
                        ProblemDocs.typed("integer").format("int32").minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(Paging.MAX_PAGE))._default(0));
                add(operation, "size", "How many items a page holds",
                        ProblemDocs.typed("integer").format("int32").minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(Paging.MAX_SIZE))._default(size));
                add(operation, "sort", "`property` or `property,asc|desc`; repeat the parameter to sort by more than "
                        + "one property. A property the list cannot be sorted by is a 400 that names `sort`.",
                        ProblemDocs.typed("array").items(ProblemDocs.typed("string")));
            }
        }
        return operation;
    }

    private static void add(Operation operation, String name, String description, Schema<?> schema) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()) && "query".equals(p.getIn()));
        if (!declared) {
            operation.addParametersItem(new Parameter().in("query").name(name).required(false).description(description)
                    .schema(schema));
        }
    }
}
