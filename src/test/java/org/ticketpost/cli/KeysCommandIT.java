package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.TestDatabase;

class KeysCommandIT {

    @TempDir
    Path folder;

    private Map<String, String> env(TestDatabase database) {
        return database.env();
    }

    @Test
    void addsListsShowsAndDisablesAKey() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.Run added = Cli.run(env(database), "keys", "add", "oxsk-1111-2222", "--customer", "Example Corp",
                    "--plan", "premium", "--allow", "example.com", "--allow", "jane@partner.example", "--valid-until", "2099-12-31");
            Cli.Run list = Cli.run(env(database), "keys", "list", "--json");
            Cli.Run disabled = Cli.run(env(database), "keys", "disable", "OXSK-1111-2222");
            Cli.Run shown = Cli.run(env(database), "keys", "show", "OXSK-1111-2222");

            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(added.out()).isEqualTo("added OXSK-1111-2222 for Example Corp (plan premium)\n");
            JsonNode keys = new ObjectMapper().readTree(list.out());
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).get("key").asText()).isEqualTo("OXSK-1111-2222");
            assertThat(keys.get(0).get("allow")).extracting(JsonNode::asText).containsExactly("example.com", "jane@partner.example");
            assertThat(keys.get(0).get("validUntil").asText()).isEqualTo("2099-12-31");
            assertThat(keys.get(0).get("state").asText()).isEqualTo("active");
            assertThat(disabled.exitCode()).isZero();
            assertThat(shown.out()).contains("State        disabled").contains("Customer     Example Corp");
        }
    }

    @Test
    void refusesWrongInputWithEveryMistake() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.Run run = Cli.run(env(database), "keys", "add", "my key", "--customer", " ", "--plan", "gold", "--allow", "nobody");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly(
                    "ticketpost keys: key 'my key' does not have the form of a support key ([A-Z0-9]{2,}(-[A-Z0-9]{2,}){1,7})",
                    "ticketpost keys: customer is missing",
                    "ticketpost keys: plan 'gold' is not one of standard, advanced, premium",
                    "ticketpost keys: 'nobody' is neither an address nor a domain");
            Cli.Run list = Cli.run(env(database), "keys", "list");
            assertThat(list.exitCode()).as("a refused key creates no database, and listing creates none").isEqualTo(1);
            assertThat(list.err()).isEqualTo("ticketpost keys: no database at " + folder.resolve("ticketpost.mv.db")
                    + " yet: no support key has been added (ticketpost keys add)\n");
            assertThat(folder.resolve("ticketpost.mv.db")).doesNotExist();
        }
    }

    @Test
    void aKeyIsRegisteredOnce() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            String[] add = {"keys", "add", "OXSK-1111-2222", "--customer", "Example", "--plan", "advanced", "--allow", "example.com"};
            Cli.run(env(database), add);

            Cli.Run again = Cli.run(env(database), add);

            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("OXSK-1111-2222 is registered already");
        }
    }

    @Test
    void importsAddsAndUpdatesOrNothingAtAll() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.run(env(database), "keys", "add", "OXSK-1111-2222", "--customer", "Old Name", "--plan", "standard",
                    "--allow", "example.com");
            Path good = Files.writeString(folder.resolve("keys.csv"), """
                    key,customer,plan,allow,valid_until
                    OXSK-1111-2222,"Example, Inc.",premium,example.com;example.org,2030-01-31
                    OXSK-3333-4444,Beispiel GmbH,advanced,*.beispiel.de,
                    """);
            Path bad = Files.writeString(folder.resolve("bad.csv"), """
                    key,customer,plan,allow
                    OXSK-5555-6666,Good,advanced,good.example
                    broken,,advanced,good.example
                    """);

            Cli.Run imported = Cli.run(env(database), "keys", "import", good.toString());
            Cli.Run refused = Cli.run(env(database), "keys", "import", bad.toString());
            Cli.Run shown = Cli.run(env(database), "keys", "show", "OXSK-1111-2222", "--json");

            assertThat(imported.out()).isEqualTo("imported 2 keys: 1 added, 1 updated\n");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("line 3: key 'broken'").contains("line 3: customer is missing")
                    .contains("nothing imported");
            assertThat(database.count("select count(*) from support_key")).isEqualTo(2);
            JsonNode key = new ObjectMapper().readTree(shown.out());
            assertThat(key.get("customer").asText()).isEqualTo("Example, Inc.");
            assertThat(key.get("plan").asText()).isEqualTo("premium");
            assertThat(key.get("allow")).extracting(JsonNode::asText).containsExactly("example.com", "example.org");
        }
    }

    @Test
    void importsASpreadsheetsFileAndNamesEveryLineCutShort() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Path excel = Files.writeString(folder.resolve("excel.csv"), "\uFEFFkey;customer;plan;allow;valid_until\r\n"
                    + "OXSK-1111-2222;Beispiel GmbH, Berlin;premium;beispiel.de;2030-01-31\r\n");
            Path cutShort = Files.writeString(folder.resolve("short.csv"), """
                    key,customer,plan,allow,valid_until
                    OXSK-3333-4444,Example
                    OXSK-5555-6666,Example,advanced,example.com
                    OXSK-7777-8888
                    """);

            Path ansi = Files.write(folder.resolve("ansi.csv"), "key;customer;plan;allow\r\nOXSK-9999-9999;Müller;premium;m.example\r\n"
                    .getBytes(java.nio.charset.Charset.forName("windows-1252")));

            Cli.Run imported = Cli.run(env(database), "keys", "import", excel.toString());
            Cli.Run refused = Cli.run(env(database), "keys", "import", cutShort.toString());
            Cli.Run notUtf8 = Cli.run(env(database), "keys", "import", ansi.toString());

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).isEqualTo("imported 1 keys: 1 added, 0 updated\n");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err().lines()).containsExactly(
                    "ticketpost keys: line 2: only 2 of 5 values, no plan, allow",
                    "ticketpost keys: line 4: only 1 of 5 values, no customer, plan, allow",
                    "ticketpost keys: nothing imported");
            assertThat(notUtf8.err()).startsWith("ticketpost keys: line 2: not UTF-8 text; save the file as CSV in UTF-8");
            assertThat(database.count("select count(*) from support_key")).isEqualTo(1);
        }
    }

    @Test
    void anUnknownKeyIsSaidToBeUnknown() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Cli.run(env(database), "keys", "add", "OXSK-1111-2222", "--customer", "Example Corp", "--plan", "premium",
                    "--allow", "example.com");
            Cli.Run run = Cli.run(env(database), "keys", "show", "OXSK-9999-9999");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).endsWith("\nticketpost keys: OXSK-9999-9999 is not registered\n");
        }
    }
}
