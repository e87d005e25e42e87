package org.ticketpost.config;

import java.util.Map;
import java.util.Properties;

/** Settings from the environment alone, for tests of a part that reads its own keys. */
public final class SettingsAccess {

    private SettingsAccess() {
    }

    public static Settings of(Map<String, String> env) {
        return new Settings(new Properties(), env, "the test's environment");
    }
}
