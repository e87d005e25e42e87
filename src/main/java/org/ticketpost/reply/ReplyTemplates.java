package org.ticketpost.reply;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The reply texts of templates/reply/: "Subject: …", an empty line, the body. Mustache
 * slots are filled from a model; a slot without a value is an error, never an empty gap
 * in a mail to a customer.
 */
public final class ReplyTemplates {

    /** A rendered reply. */
    public record Text(String subject, String body) {
    }

    /** The replies Ticketpost writes, each from templates/reply/KIND.LANGUAGE.txt. */
    public static final List<String> KINDS = List.of("confirmation", "rejection", "mistyped-number", "answer", "status-waiting",
            "status-resolved", "severity-changed", "sla-alert", "escalation");

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);

    private final Function<String, Optional<String>> files;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** @param files reads a file of templates/ by its relative name */
    public ReplyTemplates(Function<String, Optional<String>> files) {
        this.files = files;
    }

    /**
     * What must stop Ticketpost at start rather than fail its first mail of a kind: a reply without
     * a text in a language it is written in, or a text that does not compile. Each text checked is
     * kept compiled.
     *
     * @param languages the customers' (the template's) and the on-call engineers' (the setting language)
     * @return one line per problem, naming the file, e.g. "reply/sla-alert.de.txt is missing"
     */
    public List<String> problems(Collection<String> languages) {
        List<String> problems = new ArrayList<>();
        for (String kind : KINDS) {
            for (String language : languages) {
                String name = "reply/" + kind + "." + language + ".txt";
                Optional<String> text = files.apply(name);
                if (text.isEmpty()) {
                    problems.add(name + " is missing");
                    continue;
                }
                try {
                    compiled.put(name, COMPILER.compile(text.get()));
                } catch (MustacheException e) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** The reply in the given language, or in English when there is no text in that language. */
    public Text render(String kind, String language, Map<String, Object> model) {
        String name = "reply/" + kind + "." + language + ".txt";
        String fallback = "reply/" + kind + ".en.txt";
        Template template = compiled.computeIfAbsent(name, any -> COMPILER.compile(
                files.apply(name).or(() -> files.apply(fallback))
                        .orElseThrow(() -> new IllegalStateException("no reply template " + fallback))));
        String text;
        try {
            text = template.execute(model);
        } catch (MustacheException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
        if (!text.startsWith("Subject:")) {
            throw new IllegalStateException(name + " must start with a \"Subject:\" line");
        }
        int end = text.indexOf('\n');
        String subject = text.substring("Subject:".length(), end < 0 ? text.length() : end).strip();
        String body = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\\s*\\n", "");
        return new Text(subject, body);
    }

    /** Any text with {{name}} slots, such as the support template itself. */
    public String fill(String name, String language, Map<String, Object> model) {
        String file = name + "." + language + ".txt";
        String fallback = name + ".en.txt";
        Template template = compiled.computeIfAbsent(file, any -> COMPILER.compile(
                files.apply(file).or(() -> files.apply(fallback))
                        .orElseThrow(() -> new IllegalStateException("no template " + fallback))));
        return template.execute(model);
    }
}
