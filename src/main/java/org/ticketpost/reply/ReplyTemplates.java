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

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);

    private final Function<String, Optional<String>> files;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** @param files reads a file of templates/ by its relative name */
    public ReplyTemplates(Function<String, Optional<String>> files) {
        this.files = files;
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

    /**
     * What is missing of the reply texts, checked at start: a mail to a customer falls back to
     * English only by mistake, so each kind must be there in each language.
     *
     * @return the missing files, e.g. "reply/answer.de.txt"
     */
    public List<String> missing(Collection<String> kinds, Collection<String> languages) {
        List<String> missing = new ArrayList<>();
        for (String kind : kinds) {
            for (String language : new TreeSet<>(languages)) {
                String name = "reply/" + kind + "." + language + ".txt";
                if (files.apply(name).isEmpty()) {
                    missing.add(name);
                }
            }
        }
        return missing;
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
