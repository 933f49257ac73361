package dev.latchkey.api.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error shape of the API: every failure, from any layer, is a list of these objects. */
@Schema(
        name = "ErrorDocument",
        description = "Every error response has this shape; a 400 lists every invalid field at once.")
public record ErrorDocument(
        @Schema(required = true, description = "One entry per problem found.")
        List<Error> errors) {

    /** One problem. */
    @Schema(name = "ErrorObject", description = "One problem with the request.")
    @JsonbPropertyOrder({"status", "code", "title", "detail", "source", "meta"})
    public record Error(
            @Schema(required = true, description = "The HTTP status, repeated for convenience.", examples = "409")
            int status,

            @Schema(required = true, description = "A stable machine-readable code.", examples = "wizard_step_conflict")
            String code,

            @Schema(required = true, description = "A short summary of the kind of problem.", examples = "Conflict")
            String title,

            @Schema(
                    required = true,
                    description = "What went wrong and how to fix it.",
                    examples = "the wizard is at step 'details', where you cannot submit scopes")
            String detail,

            @Schema(description = "Which part of the request is at fault.")
            Source source,

            @Schema(
                    description = "Extra facts about the problem, such as the wizard's current step.",
                    examples = "{\"currentStep\": \"details\"}")
            Map<String, String> meta) {}

    /** Where in the request the problem is: a JSON pointer into the body, or a query parameter's name. */
    @Schema(name = "ErrorSource", description = "Where in the request the problem is.")
    public record Source(
            @Schema(description = "JSON pointer to the offending body member.", examples = "/name")
            String pointer,

            @Schema(description = "The offending query parameter.", examples = "page[size]")
            String parameter) {}
}
