package dev.orderly.backend.messaging;

import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageType;
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
 * orders only: {@code /topic/orders} and {@code /topic/pipeline} carry everyone's data.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String OWN_ORDERS = "/user/queue/orders";

    private final OrderOwnership orders;
    private final LiveConnectionLimit connections;

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
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
                if (stomp.getMessageType() == SimpMessageType.CONNECT) {
                    // CONNECT and STOMP frames alike
                    connections.connecting(stomp.getUser(), stomp.getSessionId());
                }
                if (stomp.getCommand() == StompCommand.SUBSCRIBE) {
                    authorise(stomp.getUser(), stomp.getDestination());
                }
                if (stomp.getCommand() == StompCommand.SEND) {
                    // Only the server publishes live events; a client's SEND to /topic/... or /user/... would be
                    // delivered to other sessions as if the server had sent it (a forged "order 4 REFUNDED").
                    throw new MessageDeliveryException("Clients cannot send messages here; live events come from"
                        + " the server only");
                }
                return message;
            }
        });
    }

    private void authorise(Principal user, String destination) {
        if (user == null || destination == null) {
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
        throw new MessageDeliveryException("Not allowed to subscribe to " + destination
            + "; customers may subscribe to " + OWN_ORDERS + " and /topic/order/{id} of their own orders");
    }

    private static boolean isStaff(Principal user) {
        return user instanceof Authentication auth && auth.getAuthorities().stream()
            .anyMatch(a -> "ROLE_STAFF".equals(a.getAuthority()));
    }
}
