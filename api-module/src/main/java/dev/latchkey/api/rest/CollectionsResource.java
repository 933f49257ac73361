package dev.latchkey.api.rest;

import dev.latchkey.api.security.CurrentCaller;
import dev.latchkey.api.security.Guarded;
import dev.latchkey.api.security.Permission;
import dev.latchkey.domain.item.CollectionId;
import dev.latchkey.domain.item.CollectionName;
import dev.latchkey.domain.item.CollectionService;
import dev.latchkey.domain.item.ItemCollection;
import dev.latchkey.domain.item.ItemId;
import dev.latchkey.domain.shared.Ids;
import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.ValidationException;
import dev.latchkey.domain.workspace.UserId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Collections: a person's named groups of items, read with {@code read:items}; each person sees only their own. */
@Path("v1/collections")
@RequestScoped
@Tag(name = "Items")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {
    @Inject
    CollectionService collections;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @GET
    @Guarded(Permission.LIST_COLLECTIONS)
    @Operation(
            operationId = "listCollections",
            summary = "List collections",
            description = "The caller's own collections, in name order.")
    public ListDocument list(
            @Parameter(
                            description = "Page number, from 1.",
                            example = "1",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam(Paging.NUMBER)
                    String number,
            @Parameter(
                            description = "Entries per page, 1 to 100.",
                            example = "25",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam(Paging.SIZE)
                    String size) {
        UserId viewer = caller.userId();
        Page<ItemCollection> page = collections.list(viewer, Paging.request(number, size));
        return new ListDocument(
                page.items().stream()
                        .map(collection -> toJson(collection, viewer))
                        .toList(),
                Paging.links(uri, page),
                Paging.meta(page));
    }

    @GET
    @Path("{id}")
    @Guarded(Permission.GET_COLLECTION)
    @Operation(
            operationId = "getCollection",
            summary = "Get a collection",
            description = "With the items in it that the caller may still see.")
    public Document get(
            @Parameter(
                            description = "The collection's id.",
                            example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id) {
        UserId viewer = caller.userId();
        return new Document(toJson(collections.get(PathId.COLLECTION.parse(id), viewer), viewer));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.CREATE_COLLECTION)
    @Transactional
    @Operation(
            operationId = "createCollection",
            summary = "Create a collection",
            description = "An empty collection owned by the caller.")
    @APIResponse(
            responseCode = "201",
            description = "The new, empty collection.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CollectionDocument")))
    public Response create(CreateRequest body) {
        ItemCollection created = collections.create(caller.person(), body.toName());
        return Response.status(201)
                .entity(new Document(toJson(created, created.ownerId())))
                .build();
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Guarded(Permission.ADD_COLLECTION_ITEM)
    @Transactional
    @Operation(
            operationId = "addCollectionItem",
            summary = "Add an item to a collection",
            description = "Any secret or account the caller can see.")
    public Document addItem(
            @Parameter(
                            description = "The collection's id.",
                            example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            ItemRequest body) {
        CollectionId collectionId = PathId.COLLECTION.parse(id);
        // An unknown collection is a 404 whatever the body holds, so it is looked up before the body is parsed.
        collections.get(collectionId, caller.person().id());
        ItemCollection changed = collections.addItem(caller.person(), collectionId, body.toItemId());
        return new Document(toJson(changed, changed.ownerId()));
    }

    @DELETE
    @Path("{id}/items/{itemId}")
    @Guarded(Permission.REMOVE_COLLECTION_ITEM)
    @Transactional
    @Operation(
            operationId = "removeCollectionItem",
            summary = "Remove an item from a collection",
            description = "The item itself stays.")
    public Document removeItem(
            @Parameter(
                            description = "The collection's id.",
                            example = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                            schema = @Schema(format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "The secret's or account's id.",
                            example = "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
                            schema = @Schema(format = "uuid"))
                    @PathParam("itemId")
                    String itemId) {
        ItemCollection changed =
                collections.removeItem(caller.person(), PathId.COLLECTION.parse(id), PathId.ITEM.parse(itemId));
        return new Document(toJson(changed, changed.ownerId()));
    }

    private Data toJson(ItemCollection collection, UserId viewer) {
        List<ItemRef> items = collections.visibleItems(collection, viewer).stream()
                .map(item -> new ItemRef(item.id().value(), item.type().wireName(), item.title()))
                .toList();
        return new Data(
                collection.id().value(),
                "collection",
                new Attributes(collection.name(), items, collection.createdAt()));
    }

    @Schema(name = "CreateCollectionRequest", description = "A new collection.")
    public record CreateRequest(
            @Schema(
                    required = true,
                    maxLength = 100,
                    examples = "Payments",
                    description = "1 to 100 characters once trimmed.")
            String name) {
        CollectionName toName() {
            return CollectionName.parse(name, "name");
        }
    }

    @Schema(name = "CollectionItemRequest", description = "Which item to add.")
    public record ItemRequest(
            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
                    description = "A secret or account the caller can see.")
            String itemId) {
        /** An id that cannot be any item's is answered as one the caller cannot see. */
        ItemId toItemId() {
            return Optional.ofNullable(itemId)
                    .filter(Ids::isId)
                    .map(ItemId::new)
                    .orElseThrow(() -> new ValidationException(CollectionService.UNKNOWN_ITEM));
        }
    }

    @Schema(name = "CollectionList", description = "A page of collections.")
    public record ListDocument(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = Data.class)
            List<Data> data,

            @Schema(required = true) Paging.Links links,
            @Schema(required = true) Paging.Meta meta) {}

    @Schema(name = "CollectionDocument", description = "One collection.")
    public record Document(@Schema(required = true) Data data) {}

    @Schema(name = "Collection", description = "A named group of items.")
    public record Data(
            @Schema(required = true, format = "uuid", examples = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d")
            String id,

            @Schema(required = true, enumeration = "collection", examples = "collection")
            String type,

            @Schema(required = true) Attributes attributes) {}

    @Schema(name = "CollectionAttributes", description = "The collection's name and items.")
    public record Attributes(
            @Schema(required = true, examples = "Payments", description = "The name its owner gave it.")
            String name,

            @Schema(required = true, description = "The items the caller may see, in the order added.")
            List<ItemRef> items,

            @Schema(
                    required = true,
                    format = "date-time",
                    description = "When the collection was created.",
                    examples = "2026-11-27T10:15:30Z")
            Instant createdAt) {}

    @Schema(name = "CollectionItem", description = "An item in a collection, in brief; never its value.")
    public record ItemRef(
            @Schema(
                    required = true,
                    format = "uuid",
                    examples = "5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b",
                    description = "The item's id.")
            String id,

            @Schema(
                    required = true,
                    enumeration = {"secret", "account"},
                    examples = "secret",
                    description = "Whether the item is a secret or an account.")
            String type,

            @Schema(required = true, examples = "Stripe live key", description = "The item's title.")
            String title) {}
}
