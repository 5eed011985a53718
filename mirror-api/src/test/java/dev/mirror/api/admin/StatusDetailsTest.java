package dev.mirror.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusDetailsTest {
    private static final Detail HEADROOM = Detail.number("retentionHeadroom", "headroom", 12, "versions", "how far");

    @Test
    void keysAreCamelCaseAndValuesOfTheFourKinds() {
        assertThat(HEADROOM.value()).isEqualTo(12L);
        assertThat(Detail.text("server", "server", "sql1", "which server").unit()).isNull();
        assertThat(new Detail("ok", "ok", true, null, "d").value()).isEqualTo(true);
        assertThat(new Detail("ratio", "ratio", 0.5, "%", "d").value()).isEqualTo(0.5);
        assertThatThrownBy(() -> Detail.text("Retention headroom", "x", "v", "d"))
                .hasMessageContaining("detail key 'Retention headroom' must be camelCase");
        assertThatThrownBy(() -> new Detail("when", "when", java.time.Instant.EPOCH, null, "d"))
                .hasMessageContaining("detail 'when' has a java.time.Instant value; use a Long, Double, Boolean or String");
        assertThatThrownBy(() -> new Detail("x", "x", null, null, "d")).hasMessageContaining("value of detail 'x' is null");
    }

    @Test
    void detailsAreCopiedAndRepeatsRefused() {
        List<Detail> list = new ArrayList<>(List.of(HEADROOM));
        Map<String, List<Detail>> tables = new HashMap<>(Map.of("contact", list));
        StatusDetails d = new StatusDetails(tables, List.of());
        list.add(Detail.text("other", "o", "v", "d"));
        tables.put("person", List.of());
        assertThat(d.tables()).containsOnlyKeys("contact");
        assertThat(d.tables().get("contact")).containsExactly(HEADROOM);
        assertThatThrownBy(() -> new StatusDetails(Map.of("contact", List.of(HEADROOM, HEADROOM)), List.of()))
                .hasMessageContaining("detail 'retentionHeadroom' appears twice for table 'contact'");
        assertThatThrownBy(() -> new StatusDetails(Map.of("contact", List.of(), "CONTACT", List.of()), List.of()))
                .hasMessageContaining("is listed twice (names are matched ignoring case)");
        assertThat(StatusDetails.NONE.tables()).isEmpty();
    }

    @Test
    void commandNamesAreLowerCaseWordsJoinedByHyphens() {
        assertThat(AdminCommand.NAME.matcher("enable-change-tracking").matches()).isTrue();
        assertThat(AdminCommand.NAME.matcher("Enable").matches()).isFalse();
        assertThat(AdminCommand.NAME.matcher("a--b").matches()).isFalse();
        assertThat(AdminCommand.NAME.matcher("-a").matches()).isFalse();
    }

    @Test
    void theFacetsDefaultsOfferNothing() {
        Diagnostics none = new Diagnostics() { };
        assertThat(none.commands()).isEmpty();
        assertThat(none.status(new StatusRequest(dev.mirror.api.ContextId.of("C"), Map.of()))).isSameAs(StatusDetails.NONE);
    }
}
