package fr.dispostock.declarations;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A write that DynamoDB throttles past the SDK's retries leaves the week exactly as it was. */
@ExtendWith(DynamoDbLocalExtension.class)
class FailedWriteTest {

    @Test
    void a_throttled_correction_fails_whole_and_the_earlier_figures_stay_visible() {
        // given a declared week on the real store, and a store whose writes DynamoDB throttles
        registers();
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK, PH_FLEYRIAT, lines(line("cisplatine", 120, 8)));
        DeclarationStore real = API.context().getBean(DeclarationStore.class);
        DeclarationStore throttled = new DeclarationStore() {
            @Override
            public Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt) {
                return real.find(region, week, finessEt);
            }

            @Override
            public List<Declaration> ofRegion(Region region, IsoWeek week) {
                return real.ofRegion(region, week);
            }

            @Override
            public boolean save(Declaration previous, Declaration next) {
                throw ProvisionedThroughputExceededException.builder().message("Rate exceeded").build();
            }

            @Override
            public Optional<HistoryPage<Revision>> history(Region region, IsoWeek week, Finess finessEt,
                                                           HistoryPage.Request page) {
                return real.history(region, week, finessEt, page);
            }
        };
        DeclarationService service = new DeclarationService(API.context().getBean(RegisterStore.class), throttled,
                Clock.fixed(Instant.parse(MONDAY_0900_PARIS), ZoneOffset.UTC), API.context().getBean(BusinessMetric.Counter.class));
        Caller pharmacist = new Caller("ph-fleyriat", null, Set.of(Role.PHARMACIST), Set.of(Finess.parse(FLEYRIAT_EJ)),
                Optional.empty());

        // when a correction of two lines is sent and the write fails
        Pui fleyriat = service.declarant(pharmacist, Finess.parse(FLEYRIAT_ET));
        assertThrows(ProvisionedThroughputExceededException.class, () -> service.declare(pharmacist,
                fleyriat, IsoWeek.parse(WEEK), List.of(
                        new DeclarationBody.LineBody("cisplatine", BigDecimal.ONE, BigDecimal.ONE),
                        new DeclarationBody.LineBody("lomustine", BigDecimal.TEN, BigDecimal.ONE)), new Violations()));

        // then readers still see the first figures, whole, and no trace of the failed ones
        Declaration visible = real.find(Region.parse("84"), IsoWeek.parse(WEEK), Finess.parse(FLEYRIAT_ET)).orElseThrow();
        assertEquals(1, visible.lines().size());
        assertEquals(120, visible.lines().get(0).stock());
        assertEquals(0, visible.earlierRevisions());
        assertEquals(List.of(), real.history(Region.parse("84"), IsoWeek.parse(WEEK), Finess.parse(FLEYRIAT_ET),
                new HistoryPage.Request(HistoryPage.MAX_LIMIT, OptionalInt.empty())).orElseThrow().revisions());
    }
}
