package org.ticketpost.http.web;

import java.util.HashMap;
import java.util.Map;

/** What every signed-in page's frame shows: the title, who is signed in, the logout form's token, a notice. */
final class Layout {

    private Layout() {
    }

    static Map<String, Object> model(Session session, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("engineer", session.engineer());
        model.put("csrf", session.csrfToken());
        model.put("notice", session.takeNotice().orElse(""));
        return model;
    }
}
