package dev.orderly.backend.messaging;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws} (the handshake is HTTP Basic). Staff may subscribe to everything;
 * a customer to {@code /user/queue/orders} (their own orders' changes) and {@code /topic/order/{id}} of their own
 * orders only: {@code /topic/orders} and {@code /topic/pipeline} carry everyone's data. Clients may send only
 * the frames of {@link #FROM_CLIENTS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String OWN_ORDERS = "/user/queue/orders";

    /** The frames a client may send; anything else closes its session with an ERROR frame. */
    static final Set<StompCommand> FROM_CLIENTS = EnumSet.of(StompCommand.CONNECT, StompCommand.STOMP,
        StompCommand.SUBSCRIBE, StompCommand.UNSUBSCRIBE, StompCommand.ACK, StompCommand.NACK,
        StompCommand.DISCONNECT);

    private final OrderOwnership orders;
    private final LiveConnectionLimit connections;
    private final RefusedFrames refused = new RefusedFrames();

    WebSocketConfiguration(OrderOwnership orders, LiveConnectionLimit connections) {
        this.orders = orders;
        this.connections = connections;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws");
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // The outbound channel sends on a thread pool: without this, one session could get an order's change 3
        // before its change 2 although the broadcaster forwarded them in order (seen in CI). Spring's option keeps
        // each session's messages in publish order.
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
                StompCommand command = stomp.getCommand();
                if (command == null) {
                    // A heartbeat (an empty line): no command, nothing to deliver.
                    return message;
                }
                if (!FROM_CLIENTS.contains(command)) {
                    // Allow-list: MESSAGE, SEND and the rest are the server's to send (a client's MESSAGE to
                    // /topic/orders would reach every staff console as if the server had sent it).
                    refused.log(stomp.getUser(), command);
                    throw new MessageDeliveryException(command + " frames are not accepted from clients; live"
                        + " events come from the server only");
                }
                if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
                    connections.connecting(stomp.getUser(), stomp.getSessionId());
                }
                if (command == StompCommand.SUBSCRIBE) {
                    authorise(stomp.getUser(), stomp.getDestination());
                }
                return message;
            }
        });
    }

    private void authorise(Principal user, String destination) {
        if (user == null || destination == null) {
            refused.log(user, StompCommand.SUBSCRIBE);
            throw new MessageDeliveryException("Sign in before subscribing");
        }
        if (isStaff(user) || OWN_ORDERS.equals(destination)) {
            return;
        }
        if (destination.startsWith("/topic/order/")) {
            try {
                long orderId = Long.parseLong(destination.substring("/topic/order/".length()));
                if (orders.isOwner(orderId, user.getName())) {
                    return;
                }
            } catch (NumberFormatException ignored) {
                // not an order topic: refused below
            }
        }
        refused.log(user, StompCommand.SUBSCRIBE);
        throw new MessageDeliveryException("Not allowed to subscribe to " + destination
            + "; customers may subscribe to " + OWN_ORDERS + " and /topic/order/{id} of their own orders");
    }

    private static boolean isStaff(Principal user) {
        return user instanceof Authentication auth && auth.getAuthorities().stream()
            .anyMatch(a -> "ROLE_STAFF".equals(a.getAuthority()));
    }
}
