package org.ticketpost.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.testing.TestClock;
import org.ticketpost.testing.TestDatabase;

/** The key registry on a real database: what each operation returns, and what it refuses. */
class KeyRegistryIT {

    @TempDir
    Path folder;

    /** 23:30 UTC is already the next day in Europe/Berlin, where a key's last day ends. */
    private final TestClock clock = TestClock.at("2026-11-15T23:30:00Z");

    private static KeyRegistry.NewKey key(String key, String validUntil) {
        return new KeyRegistry.NewKey(key, "Example Corp", "advanced", List.of("example.com", "jane@partner.example"),
                Optional.ofNullable(validUntil));
    }

    private static Refusal refusal(ThrowingCallable call) {
        Refused refused = catchThrowableOfType(Refused.class, call);
        assertThat(refused).as("refused").isNotNull();
        return refused.refusal();
    }


    @Test
    void addsShowsListsAndSwitchesKeysWithTheirStateOfToday() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            KeyRegistry keys = app.keys();

            KeyView added = keys.add(key(" oxsk-1111-2222 ", "2026-11-15"));
            keys.add(key("OXSK-3333-4444", null));
            clock.advance(Duration.ofHours(1));
            KeyView disabled = keys.disable("oxsk-3333-4444");
            KeyView shown = keys.show("OXSK-1111-2222");
            List<KeyView> listed = keys.list();

            assertThat(added.key()).isEqualTo("OXSK-1111-2222");
            assertThat(added.state()).as("its last day has ended in Europe/Berlin, not yet in UTC").isEqualTo(KeyView.State.EXPIRED);
            assertThat(added.allow()).containsExactly("example.com", "jane@partner.example");
            assertThat(shown.state()).isEqualTo(KeyView.State.EXPIRED);
            assertThat(disabled.state()).isEqualTo(KeyView.State.DISABLED);
            assertThat(disabled.updated()).isEqualTo(clock.instant());
            assertThat(disabled.created()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
            assertThat(listed).extracting(KeyView::key, KeyView::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("OXSK-1111-2222", KeyView.State.EXPIRED),
                    org.assertj.core.groups.Tuple.tuple("OXSK-3333-4444", KeyView.State.DISABLED));
            assertThat(keys.enable("OXSK-3333-4444").state()).isEqualTo(KeyView.State.ACTIVE);
        }
    }

    @Test
    void refusesWhatTheOperatorCanPutRight() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            KeyRegistry keys = app.keys();
            keys.add(key("OXSK-1111-2222", null));

            Refusal again = refusal(() -> keys.add(key("oxsk-1111-2222", null)));
            Refusal wrong = refusal(() -> keys.add(new KeyRegistry.NewKey("my key", " ", "gold", List.of("nobody"),
                    Optional.of("someday"))));
            Refusal unknown = refusal(() -> keys.disable("OXSK-9999-9999"));

            assertThat(again).isEqualTo(new Refusal.AlreadyRegistered("OXSK-1111-2222"));
            assertThat(wrong).isInstanceOfSatisfying(Refusal.Invalid.class, invalid -> assertThat(invalid.problems())
                    .hasSize(5).anySatisfy(problem -> assertThat(problem).isEqualTo("customer is missing")));
            assertThat(unknown).isEqualTo(new Refusal.UnknownKey("OXSK-9999-9999"));
            assertThat(database.count("select count(*) from support_key")).isEqualTo(1);
        }
    }

    @Test
    void importsAllOrNothing() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            KeyRegistry keys = app.keys();
            keys.add(key("OXSK-1111-2222", null));

            KeyRegistry.Imported imported = keys.importCsv("""
                    key,customer,plan,allow,valid_until
                    OXSK-1111-2222,New Name,premium,example.org,
                    OXSK-3333-4444,Beispiel GmbH,advanced,*.beispiel.de,2030-01-31
                    """.getBytes(StandardCharsets.UTF_8));
            Refusal refused = refusal(() -> keys.importCsv("""
                    key,customer,plan,allow
                    OXSK-5555-6666,Good,advanced,good.example
                    broken,,advanced,good.example
                    """.getBytes(StandardCharsets.UTF_8)));

            assertThat(imported).isEqualTo(new KeyRegistry.Imported(1, 1));
            assertThat(keys.show("OXSK-1111-2222")).extracting(KeyView::customer, KeyView::plan, KeyView::allow)
                    .containsExactly("New Name", "premium", List.of("example.org"));
            assertThat(refused).isInstanceOfSatisfying(Refusal.NothingImported.class, wrongLines ->
                    assertThat(wrongLines.problems()).allSatisfy(problem -> assertThat(problem).startsWith("line 3: ")));
            assertThat(database.count("select count(*) from support_key")).isEqualTo(2);
        }
    }

    @Test
    void readingWithoutADatabaseIsRefusedAndCreatesNone() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder);
                Application app = Application.configure(database.env(), clock)) {
            Path file = folder.resolve("ticketpost.mv.db");

            assertThat(refusal(() -> app.keys().list())).isEqualTo(new Refusal.NoDatabase(file));
            assertThat(refusal(() -> app.keys().show("OXSK-1111-2222"))).isEqualTo(new Refusal.NoDatabase(file));
            assertThat(refusal(() -> app.keys().enable("OXSK-1111-2222"))).isEqualTo(new Refusal.NoDatabase(file));
            assertThat(file).doesNotExist();
        }
    }
}
