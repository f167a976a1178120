package dev.orderly.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.console.util.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderFormViewModelTest {

    private final RecordingClient client = new RecordingClient();
    private final OrderFormViewModel form = new OrderFormViewModel(client, new DirectTaskRunner());

    @Test
    void theDefaultFormIsValidAndTotalsItsItems() {
        assertThat(form.errors()).isEmpty();
        assertThat(form.canSubmitProperty().get()).isTrue();
        form.items().get(0).quantityProperty().set("2");
        form.addItem();
        assertThat(form.totalProperty().get()).isEqualTo("37.50");
    }

    @Test
    void usesTheApiRulesForEveryField() {
        form.cardNumberProperty().set("4111111111111112");
        form.items().get(0).quantityProperty().set("0");
        form.zipCodeProperty().set("");
        form.items().get(0).unitPriceProperty().set("abc");

        assertThat(form.errors()).containsKeys("payment.cardNumber", "items[0].quantity", "shipment.zipCode",
            "items[0].unitPrice");
        assertThat(form.errorFor("payment.cardNumber")).contains("Luhn");
        assertThat(form.canSubmitProperty().get()).isFalse();
    }

    @Test
    void theRulesAreSaidInTheUsersLanguageAndAMissingValueSaysItIsMissing() {
        form.zipCodeProperty().set("");
        // A blank zip code fails both "required" and the pattern: the form says it is missing.
        assertThat(form.errorFor("shipment.zipCode")).isEqualTo("shipment.zipCode is required");
        try {
            I18n.use(Locale.KOREAN);
            OrderFormViewModel korean = new OrderFormViewModel(client, new DirectTaskRunner());
            korean.zipCodeProperty().set("");
            korean.cardNumberProperty().set("4111111111111112");
            korean.items().get(0).quantityProperty().set("0");
            assertThat(korean.errorFor("shipment.zipCode")).isEqualTo("우편번호를 입력하세요");
            assertThat(korean.errorFor("payment.cardNumber")).contains("룬(Luhn)");
            assertThat(korean.errorFor("items[0].quantity")).isEqualTo("수량은 1 이상이어야 합니다");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void anInvalidFormSendsNothing() {
        form.recipientProperty().set(" ");
        form.submit(id -> { });
        assertThat(client.calls).isEmpty();
        assertThat(form.messageProperty().get()).contains("Fix the marked fields");
    }

    @Test
    void anAmountOtherThanTheTotalIsAnError() {
        form.amountProperty().set("99.00");
        assertThat(form.errorFor("payment.amount")).contains("must equal the order total 12.50");
        form.amountProperty().set("");
        assertThat(form.errors()).isEmpty();
    }

    @Test
    void submitCreatesThenPaysAndReportsTheOrder() {
        List<Long> accepted = new ArrayList<>();
        form.submit(accepted::add);
        assertThat(client.calls).containsExactly("createOrder 1", "pay 100 12.50");
        assertThat(accepted).containsExactly(100L);
        assertThat(form.messageProperty().get()).contains("Order #100 accepted");
    }

    @Test
    void eachSubmissionSendsItsOwnIdempotencyKeys() {
        form.submit(id -> { });
        form.submit(id -> { });
        assertThat(client.idempotencyKeys).hasSize(4).doesNotContainNull().doesNotHaveDuplicates();
        // Create and pay of one submission share its key, told apart by what they do.
        assertThat(client.idempotencyKeys.get(0)).endsWith("-create");
        assertThat(client.idempotencyKeys.get(1)).isEqualTo(client.idempotencyKeys.get(0).replace("-create", "-pay"));
        assertThat(client.idempotencyKeys.get(2)).doesNotStartWith(client.idempotencyKeys.get(0)
            .replace("-create", ""));
    }

    @Test
    void serverFieldErrorsLandBesideTheFieldsAndAResubmitPaysTheSameOrder() {
        form.submit(id -> { });
        client.failNextPay = new ApiCallException(400, "Invalid request",
            Map.of("shipment.phone", "shipment.phone is on a blocklist"));
        client.calls.clear();
        client.nextOrderId = 200;
        form.submit(id -> { });
        assertThat(form.errorFor("shipment.phone")).isEqualTo("shipment.phone is on a blocklist");
        assertThat(form.messageProperty().get()).contains("Order #200 was created but not sent");

        form.phoneProperty().set("010-9999-0000");
        client.calls.clear();
        form.submit(id -> { });
        assertThat(client.calls).containsExactly("pay 200 12.50");
    }
}
