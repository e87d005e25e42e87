package org.ticketpost.http.web;

import io.javalin.http.Context;

/**
 * The page's cookies: HttpOnly, so that no script reads them; SameSite=Strict, so that no other
 * site's page sends them along; Secure where http.secure-cookies says the page is reached over
 * https (behind a TLS proxy), so that a browser never sends them in clear.
 */
final class Cookies {

    static final String SESSION = "ticketpost_session";
    /** Before a login there is no session: its form's token is matched against this cookie instead. */
    static final String LOGIN = "ticketpost_login";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    void set(Context context, String name, String value) {
        context.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    void clear(Context context, String name) {
        context.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
