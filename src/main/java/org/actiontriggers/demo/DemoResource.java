package org.actiontriggers.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * Open endpoints to create, update and delete the demo entities, so a new user can watch a trigger fire
 * with curl alone.
 */
@Path("demo")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    /** Body of {@code POST /api/demo/customers}. */
    public record CustomerForm(String name, String email) {}

    /** Body of {@code POST /api/demo/products}. */
    public record ProductForm(String name, String description) {}

    /**
     * Body of {@code POST /api/demo/sales} and {@code PUT /api/demo/sales/{id}} (which changes the quantity,
     * the status — {@code new}, {@code in_progress}, {@code completed} — or both, in one transaction).
     */
    public record SaleForm(Long customer, Long product, Integer quantity, String status) {}

    @Inject
    DemoShop shop;

    @POST
    @Path("customers")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerForm.class)))
    public Response addCustomer(String body) {
        CustomerForm form = read(() -> DemoForms.customer(body));
        if (form.name() == null || form.name().isBlank()) {
            throw new BadRequestException(message("name: required"));
        }
        return Response.status(Response.Status.CREATED)
                .entity(shop.addCustomer(form.name(), form.email()))
                .build();
    }

    @POST
    @Path("products")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductForm.class)))
    public Response addProduct(String body) {
        ProductForm form = read(() -> DemoForms.product(body));
        if (form.name() == null || form.name().isBlank()) {
            throw new BadRequestException(message("name: required"));
        }
        return Response.status(Response.Status.CREATED)
                .entity(shop.addProduct(form.name(), form.description()))
                .build();
    }

    @POST
    @Path("sales")
    @RequestBody(
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaleForm.class)))
    public Response addSale(String body) {
        SaleForm form = read(() -> DemoForms.sale(body));
        if (form.customer() == null || form.product() == null || form.quantity() == null) {
            throw new BadRequestException(message("customer, product and quantity: all required"));
        }
        Sale sale = shop.addSale(form.customer(), form.product(), form.quantity())
                .orElseThrow(() -> new BadRequestException(message("customer or product: no such id")));
        return Response.status(Response.Status.CREATED).entity(sale).build();
    }

    /** Largest {@code count} of one bulk request: enough for a load drill, small enough for one transaction. */
    static final int MAX_BULK = 10_000;

    /**
     * {@code POST /api/demo/sales/bulk?customer=1&product=2&count=500}: many sales in one transaction, to
     * watch a backlog drain; answers the ids of the new sales.
     */
    @POST
    @Path("sales/bulk")
    @Consumes(MediaType.WILDCARD)
    public Response addSales(
            @QueryParam("customer") Long customer,
            @QueryParam("product") Long product,
            @QueryParam("count") Integer count) {
        if (customer == null || product == null || count == null || count < 1 || count > MAX_BULK) {
            throw new BadRequestException(
                    message("customer, product and count (1 to " + MAX_BULK + "): all required as query parameters"));
        }
        List<Long> ids = shop.addSales(customer, product, count)
                .orElseThrow(() -> new BadRequestException(message("customer or product: no such id")));
        return Response.status(Response.Status.CREATED).entity(ids).build();
    }

    @PUT
    @Path("sales/{id}")
    @RequestBody(
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaleForm.class)))
    public Sale updateSale(@PathParam("id") long id, String body) {
        SaleForm form = read(() -> DemoForms.sale(body));
        if (form.quantity() == null && form.status() == null) {
            throw new BadRequestException(message("quantity or status: required"));
        }
        if (form.status() != null && !Sale.STATUSES.contains(form.status())) {
            throw new BadRequestException(message("status: one of " + String.join(", ", Sale.STATUSES)));
        }
        return shop.changeSale(id, form.quantity(), form.status()).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("sales/{id}")
    public Response deleteSale(@PathParam("id") long id) {
        if (!shop.deleteSale(id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** A body the demo cannot take is a 400 that names the field and the reason. */
    private static <T> T read(Supplier<T> form) {
        try {
            return form.get();
        } catch (DemoForms.InvalidFormException e) {
            throw new BadRequestException(message(e.getMessage()));
        }
    }

    private static Response message(String text) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_PLAIN)
                .entity(text)
                .build();
    }
}
