package dev.coachos.platform.openapi;

import java.util.ArrayList;
import java.util.List;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;

/**
 * Operation ids and tags a client generator can live with. springdoc names an operation after its Java method
 * alone ({@code get}, {@code get_1}, {@code get_2}... in whatever order it met them) and tags it with the controller
 * class ({@code user-controller}). Here an operation is named after its controller and method ({@code userGet},
 * {@code branchCreate}) and tagged with the controller's subject ({@code user}). An id or tag the controller gives
 * itself ({@code @Operation(operationId = ...)}, {@code @Tag}) is kept.
 */
final class OperationNames implements GlobalOperationCustomizer {

    private static final String CONTROLLER = "Controller";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        String subject = subject(handlerMethod.getBeanType());
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(
                handlerMethod.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(subject + StringUtils.capitalize(handlerMethod.getMethod().getName()));
        }
        if (operation.getTags() != null) {
            List<String> tags = new ArrayList<>();
            for (String tag : operation.getTags()) {
                // springdoc's own tag for a controller without @Tag: its class name, split on capitals.
                tags.add(tag.endsWith("-controller") ? tag.substring(0, tag.length() - "-controller".length()) : tag);
            }
            operation.setTags(tags);
        }
        return operation;
    }

    /** {@code StudyNotesController} gives {@code studyNotes}. */
    static String subject(Class<?> controller) {
        String name = controller.getSimpleName();
        int proxy = name.indexOf("$$");
        if (proxy > 0) {
            name = name.substring(0, proxy);
        }
        if (name.endsWith(CONTROLLER) && name.length() > CONTROLLER.length()) {
            name = name.substring(0, name.length() - CONTROLLER.length());
        }
        return StringUtils.uncapitalize(name);
    }
}
