package org.ticketpost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.config.ConfigException;
import org.ticketpost.config.Folder;
import org.ticketpost.config.Settings;

class HttpAddressTest {

    @TempDir
    Path config;

    @Test
    void byDefaultItListensOnPort8080OfTheLoopbackOnly() throws IOException {
        assertThat(address("", Map.of())).contains(new HttpAddress("127.0.0.1", 8080));
    }

    @Test
    void theHostAndPortAreTheOperatorsAndAnIpv6HostIsBracketedInItsUrl() throws IOException {
        Optional<HttpAddress> address = address("http.host = ::1\\nhttp.port = 9090\\n", Map.of());

        assertThat(address).contains(new HttpAddress("::1", 9090));
        assertThat(address.orElseThrow().url()).isEqualTo("http://[::1]:9090");
    }

    @Test
    void anEmptyPortTurnsTheServerOffInTheFileOrTheEnvironment() throws IOException {
        assertThat(address("http.port =\\n", Map.of())).isEmpty();
        assertThat(address("http.port = 8080\\n", Map.of("TICKETPOST_HTTP_PORT", ""))).isEmpty();
    }

    @Test
    void aPortThatIsNoneIsAMistakeNamedWithTheOthers() throws IOException {
        Settings settings = settings("http.port = eighty\\n", Map.of());

        HttpAddress.from(settings);

        assertThatThrownBy(settings::failOnProblems).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port must be a whole number from 1 to 65535, was 'eighty'");
    }

    private Optional<HttpAddress> address(String file, Map<String, String> env) throws IOException {
        Settings settings = settings(file, env);
        Optional<HttpAddress> address = HttpAddress.from(settings);
        settings.failOnProblems();
        return address;
    }

    private Settings settings(String file, Map<String, String> env) throws IOException {
        Files.writeString(config.resolve(Settings.FILE), file.replace("\\n", "\n"));
        return Settings.load(Folder.config(config), env);
    }
}
