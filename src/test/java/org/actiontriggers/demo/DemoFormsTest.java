package org.actiontriggers.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.actiontriggers.demo.DemoForms.InvalidFormException;
import org.actiontriggers.demo.DemoResource.SaleForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoFormsTest {

    @Test
    void readsASaleWithItsFieldsAndLeavesAbsentOnesNull() {
        assertThat(DemoForms.sale("{\"customer\":1,\"product\":2,\"quantity\":3}"))
                .isEqualTo(new SaleForm(1L, 2L, 3, null));
        assertThat(DemoForms.sale("{\"status\":\"completed\",\"quantity\":null}"))
                .isEqualTo(new SaleForm(null, null, null, "completed"));
        assertThat(DemoForms.sale("{\"quantity\":3.0}").quantity()).isEqualTo(3);
    }

    @Test
    void readsCustomersAndProducts() {
        assertThat(DemoForms.customer("{\"name\":\"Ann\",\"email\":\"ann@example.com\"}"))
                .isEqualTo(new DemoResource.CustomerForm("Ann", "ann@example.com"));
        assertThat(DemoForms.product("{\"name\":\"Widget\"}")).isEqualTo(new DemoResource.ProductForm("Widget", null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"customer\":1,\"product\":2,\"quantity\":99999999999} | quantity: must be from 1 to 1000000, not 99999999999",
                "{\"quantity\":0}                                      | quantity: must be from 1 to 1000000, not 0",
                "{\"quantity\":-5}                                     | quantity: must be from 1 to 1000000, not -5",
                "{\"quantity\":2.5}                                    | quantity: must be a whole number, not 2.5",
                "{\"quantity\":\"3\"}                                  | quantity: must be a whole number, not a string",
                "{\"customer\":\"a\"}                                  | customer: must be a whole number, not a string",
                "{\"customer\":1e30}                                   | customer: no such id",
                "{\"product\":-2}                                      | product: no such id",
                "{\"status\":5}                                        | status: must be a string, not a number",
                "{\"quantty\":3}                                       | quantty: not a known field; expected one of customer, product, quantity, status",
                "[1]                                                   | body: must be a JSON object with customer, product, quantity, status, not an array",
                "null                                                  | body: must be a JSON object with customer, product, quantity, status, not null",
            })
    void refusesAWrongSaleNamingTheFieldAndTheReason(String body, String message) {
        assertThatThrownBy(() -> DemoForms.sale(body))
                .isInstanceOf(InvalidFormException.class)
                .hasMessage(message);
    }

    @Test
    void refusesWhatIsNoJsonAtAllAsInvalidNeverAsAnotherError() {
        assertThatThrownBy(() -> DemoForms.sale("{"))
                .isInstanceOf(InvalidFormException.class)
                .hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> DemoForms.sale("{\"quantity\":3} {}"))
                .isInstanceOf(InvalidFormException.class)
                .hasMessageStartingWith("body: ");
        assertThatThrownBy(() -> DemoForms.sale("  "))
                .isInstanceOf(InvalidFormException.class)
                .hasMessageStartingWith("body: required");
        assertThatThrownBy(() -> DemoForms.customer("[".repeat(100_000)))
                .isInstanceOf(InvalidFormException.class)
                .hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> DemoForms.customer("{\"name\":[\"Ann\"]}"))
                .isInstanceOf(InvalidFormException.class)
                .hasMessage("name: must be a string, not an array");
    }
}
