package io.github.camelframeio.examples.quarkus;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.FrameioApiException;
import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.net.URI;
import java.util.List;

/**
 * The application's HTTP API: {@code POST /shares} hands the request to the {@code create-share} route,
 * {@code GET /shares/events} shows what the {@code share-changes} route received.
 */
@Path("/shares")
public class SharesResource {

    @Inject
    ProducerTemplate producer;

    @Inject
    ShareEvents events;

    /**
     * Creates a share from a JSON object of its fields. 201 with the share as Frame.io returned it (and its link in
     * {@code Location}); 400 when the component refuses the request before sending it (a missing name, an unknown
     * access value, ...); 502 with Frame.io's status and detail when Frame.io refuses it.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String share) throws Exception {
        Exchange result = producer.send("direct:create-share", exchange -> exchange.getMessage().setBody(share));
        FrameioInvalidRequestException invalid = result.getException(FrameioInvalidRequestException.class);
        if (invalid != null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity(invalid.getMessage()).build();
        }
        FrameioApiException refused = result.getException(FrameioApiException.class);
        if (refused != null) {
            return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.TEXT_PLAIN)
                    .entity("Frame.io answered " + refused.getStatusCode() + ": " + refused.getDetail()).build();
        }
        if (result.getException() != null) {
            throw result.getException();
        }
        String shareUrl = result.getMessage().getHeader(FrameioSharesConstants.SHARE_URL, String.class);
        return Response.created(URI.create(shareUrl)).entity(result.getMessage().getBody()).build();
    }

    /** The most recent share events, oldest first. */
    @GET
    @Path("/events")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ShareEvent> events() {
        return events.recent();
    }
}
