package org.ticketpost;

import ch.qos.logback.classic.Level;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.ticketpost.alert.SlaAlerts;
import org.ticketpost.alert.SlaScheduler;
import org.ticketpost.cli.CheckCommand;
import org.ticketpost.cli.DemoCommand;
import org.ticketpost.cli.EngineersCommand;
import org.ticketpost.cli.IngestCommand;
import org.ticketpost.cli.KeysCommand;
import org.ticketpost.cli.OutboxCommand;
import org.ticketpost.cli.ServeCommand;
import org.ticketpost.cli.TicketsCommand;
import org.ticketpost.config.ConfigException;
import org.ticketpost.config.ConfigMistakes;
import org.ticketpost.config.Folder;
import org.ticketpost.config.Home;
import org.ticketpost.config.Settings;
import org.ticketpost.config.SlaPlansFile;
import org.ticketpost.config.SupportTemplateFile;
import org.ticketpost.desk.AttachmentFiles;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.KeyRegistry;
import org.ticketpost.desk.MailCheck;
import org.ticketpost.desk.MissingDatabase;
import org.ticketpost.desk.OnCallEngineers;
import org.ticketpost.desk.OnCallNotice;
import org.ticketpost.desk.Outbox;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketQueries;
import org.ticketpost.form.FieldType;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.http.HttpAddress;
import org.ticketpost.http.OperatorView;
import org.ticketpost.http.api.EngineersApi;
import org.ticketpost.http.web.EngineersPage;
import org.ticketpost.intake.Intake;
import org.ticketpost.intake.IntakeRules;
import org.ticketpost.intake.KeyCheck;
import org.ticketpost.intake.Reception;
import org.ticketpost.intake.RequestCheck;
import org.ticketpost.mail.MailboxReader;
import org.ticketpost.mail.MailboxSettings;
import org.ticketpost.lmtp.LmtpServer;
import org.ticketpost.lmtp.LmtpSettings;
import org.ticketpost.mail.MimeDecoder;
import org.ticketpost.mail.SmtpSender;
import org.ticketpost.mail.SmtpSettings;
import org.ticketpost.notify.WebhookRunner;
import org.ticketpost.notify.WebhookSender;
import org.ticketpost.notify.WebhookSettings;
import org.ticketpost.notify.Webhooks;
import org.ticketpost.reply.FreshReplies;
import org.ticketpost.reply.MailServerWatch;
import org.ticketpost.reply.OutboxDispatcher;
import org.ticketpost.reply.OutboxPolicy;
import org.ticketpost.reply.OutboxRunner;
import org.ticketpost.reply.ReplyComposer;
import org.ticketpost.reply.ReplyTemplates;
import org.ticketpost.reply.ReturnPath;
import org.ticketpost.reply.Sender;
import org.ticketpost.sla.SlaPlans;
import org.ticketpost.store.DatabaseSettings;
import org.ticketpost.store.FileStore;
import org.ticketpost.store.LazyDatabase;
import org.ticketpost.ticket.StoreException;
import org.ticketpost.ticket.TicketTag;
import picocli.CommandLine;

/**
 * Ticketpost put together from config/ and templates/: every object built by hand, the
 * database opened only when first used. The command line and the tests start here.
 */
public final class Application implements AutoCloseable {

    private final SupportTemplate template;
    private final FileStore files;
    private final LazyDatabase database;
    private final ZoneId zone;
    private final int ingestThreads;
    private final String language;
    private volatile Reception reception;
    /** The replies intake commits, for this process's outbox sender where serve runs one. */
    private final FreshReplies freshReplies = new FreshReplies(OutboxPolicy.DEFAULT.lease());
    private final KeyRegistry keyRegistry;
    private final Engineers engineers;
    private final TicketQueries ticketQueries;
    private final TicketActions ticketActions;
    private final MailCheck mailCheck;
    private volatile Consumer<String> log = line -> { };
    private final Lifecycle lifecycle = new Lifecycle();
    private final Logs.Format logFormat;
    private final Optional<Level> logLevel;
    private final Optional<SmtpSettings> smtp;
    private final Optional<MailboxSettings> mailbox;
    private final Optional<LmtpSettings> lmtp;
    private final Optional<HttpAddress> http;
    private final boolean secureCookies;
    private final Clock clock;
    private final String databaseShown;
    private final TicketTag ticketTag;
    private final Map<String, String> env;
    private final Folder templates;
    private final SlaPlans plans;
    private final String plansLocation;
    private final SlaAlerts slaAlerts;
    private final List<String> onCall;
    private final Duration slaInterval;
    private final Optional<WebhookSettings> webhook;
    private final Webhooks webhooks;
    private static final org.slf4j.Logger SERVICE_LOG = org.slf4j.LoggerFactory.getLogger(Application.class);

    private Application(Map<String, String> env, Clock clock) {
        Home home = Home.find(env, jar(), Path.of("").toAbsolutePath());
        Folder config = Folder.config(home.resolve(env.getOrDefault("TICKETPOST_CONFIG_DIR", "config")));
        Settings settings = Settings.load(config, env);
        Folder templates = Folder.templates(home.resolve(settings.text("templates.dir", "templates")));
        this.templates = templates;
        this.env = Map.copyOf(env);
        String dbUrl = settings.text("db.url", DatabaseSettings.EMBEDDED_URL);
        DatabaseSettings db = new DatabaseSettings(dbUrl, settings.text("db.user", dbUrl.startsWith("jdbc:h2:") ? "sa" : ""),
                settings.text("db.password", ""), settings.number("db.pool-size", 8, 1, 200), databaseTimeout(settings))
                .anchoredAt(home.path());
        if (!db.isEmbedded() && !dbUrl.startsWith("jdbc:postgresql:")) {
            int schemeEnd = dbUrl.indexOf(':', dbUrl.indexOf(':') + 1);   // only the scheme: the rest may hold a password
            settings.problem(settings.named("db.url") + " must be a jdbc:h2: or jdbc:postgresql: URL, was a "
                    + (schemeEnd < 0 ? "malformed" : dbUrl.substring(0, schemeEnd + 1)) + " one");
        }
        Path storage = home.resolve(settings.text("storage.dir", "data/files"));
        this.files = new FileStore(storage,
                settings.bytes("attachments.max-size", 25L * 1024 * 1024));
        String address = settings.text("mail.address", "support@example.com");
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            settings.problem(settings.named("mail.address") + " must be an e-mail address, was '" + address + "'");
            address = "support@example.com";
        }
        Sender sender = new Sender(address, settings.text("mail.name", "Support"), returnPath(settings, address));
        TicketTag tag = tag(settings);
        this.ticketTag = tag;
        this.zone = zone(settings);
        int repliesPerSender = settings.number("replies.per-sender", 10, 0, 10_000);
        int repliesPerDomain = settings.number("replies.per-domain", 50, 0, 100_000);
        Duration replyWindow = settings.duration("replies.window", Duration.ofHours(1));
        this.ingestThreads = settings.number("ingest.threads", 4, 1, IngestCommand.MAX_THREADS);
        Logs.Format logFormat = Logs.Format.named(settings.text("log.format", "text")).orElseGet(() -> {
            settings.problem(settings.named("log.format") + " must be text or json, was '" + settings.text("log.format", "") + "'");
            return Logs.Format.TEXT;
        });
        this.logLevel = settings.optional("log.level").map(name -> Logs.level(name).orElseGet(() -> {
            settings.problem(settings.named("log.level") + " must be error, warn, info or debug, was '" + name + "'");
            return Level.WARN;
        }));
        this.smtp = smtp(settings);
        this.mailbox = MailboxSettings.from(settings);
        this.lmtp = LmtpSettings.read(settings, storage.resolve("incoming"));
        this.http = HttpAddress.from(settings);
        this.secureCookies = secureCookies(settings);
        this.onCall = onCall(settings);
        this.slaInterval = settings.duration("sla.interval", SlaScheduler.DEFAULT_INTERVAL);
        this.webhook = WebhookSettings.read(settings);
        this.webhooks = webhook.isPresent() ? Webhooks.enabled() : Webhooks.none();
        ConfigMistakes mistakes = new ConfigMistakes();   // every mistake of every file at once
        Optional<SupportTemplate> templateRead = mistakes.read(() -> SupportTemplateFile.load(templates));
        Optional<SlaPlans> plansRead = mistakes.read(() -> SlaPlansFile.load(config));
        this.language = templateRead.map(read -> language(settings, read)).orElse(SupportTemplate.DEFAULT_LANGUAGE);
        ReplyTemplates replyTexts = new ReplyTemplates(templates::read);
        templateRead.ifPresent(read -> mistakes.read(() -> requireReplyTexts(replyTexts, templates, read)));
        mistakes.throwIfAny(settings);
        this.template = templateRead.orElseThrow();
        this.plans = plansRead.orElseThrow();
        this.plansLocation = config.location(SlaPlansFile.NAME);
        this.logFormat = logFormat;
        Logs.apply(logFormat, logLevel.orElse(Level.WARN));

        FormCheck formCheck = new FormCheck(template);
        RequestCheck requests = new RequestCheck(new FormReader(template), formCheck);
        KeyCheck keys = new KeyCheck(template, formCheck);
        ReplyComposer replies = new ReplyComposer(replyTexts, template, sender, tag,
                settings.optional("support.hotline"));
        IntakeRules rules = new IntakeRules(template, requests, keys, replies, tag, sender.address(), sender.returnPath(),
                repliesPerSender, repliesPerDomain, replyWindow, zone, plans);
        this.database = new LazyDatabase(db, () -> log.accept("ticketpost: database " + db.shownUrl() + ", files in " + storage));
        MimeDecoder parser = new MimeDecoder(settings.optional("mail.authserv-id"));
        this.reception = new Reception(parser, files, new Intake(database, rules, clock, freshReplies));
        MissingDatabase missing = database::missing;
        this.keyRegistry = new KeyRegistry(database, missing, template.fieldOfType(FieldType.KEY).format(), plans.names(), clock,
                zone);
        this.ticketQueries = new TicketQueries(database, missing, clock);
        OnCallEngineers onCallEngineers = new OnCallEngineers(onCall);
        this.ticketActions = new TicketActions(database, missing, plans, replies, clock,
                new OnCallNotice(replies, onCallEngineers, webhooks, zone, language));
        this.engineers = new Engineers(database, missing, clock, new SecureRandom());
        this.slaAlerts = new SlaAlerts(database, plans, replies, onCallEngineers, webhooks, zone, language, clock, SlaAlerts.DEFAULT_BATCH);
        this.mailCheck = new MailCheck(parser, requests, keys, database, missing, clock, zone);
        this.clock = clock;
        this.databaseShown = db.shownUrl() + ", files in " + storage;
    }

    /** mail.bounce-address, by default support+bounce-{token}@example.com for mail.address support@example.com. */
    private static ReturnPath returnPath(Settings settings, String address) {
        Optional<String> format = settings.optional("mail.bounce-address");
        try {
            return format.map(ReturnPath::of).orElseGet(() -> ReturnPath.derivedFrom(address));
        } catch (IllegalArgumentException e) {
            settings.problem(settings.named(format.isPresent() ? "mail.bounce-address" : "mail.address") + " " + e.getMessage());
            return ReturnPath.derivedFrom("support@example.com");
        }
    }

    private static Optional<SmtpSettings> smtp(Settings settings) {
        Optional<String> url = settings.optional("smtp.url");
        Duration timeout = settings.duration("smtp.timeout", SmtpSettings.DEFAULT_TIMEOUT);
        try {
            return url.map(given -> SmtpSettings.parse(given, settings.optional("smtp.user"), settings.optional("smtp.password"),
                    timeout));
        } catch (IllegalArgumentException e) {
            settings.problem(settings.named("smtp.url") + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Ticketpost as a service: the database, the outbox sender where smtp.url names a mail server,
     * the mailbox reader where mailbox.url names a mailbox, the LMTP listener where lmtp.port is
     * set, and over HTTP the operator's view (/health, /metrics) and the engineers' API (/api) unless
     * http.port is empty. It logs at INFO unless log.level says otherwise: a line per part started,
     * then one that it is ready.
     * From here on {@link #reception()} counts each mail for the metrics: the doors added after
     * the database deliver through it. {@link #close()} or SIGTERM stops it.
     *
     * @throws Lifecycle.StartException naming the part that did not start
     */
    public void serve() {
        Logs.apply(logFormat, logLevel.orElse(Level.INFO));
        requirePlansOfTheKeys();
        OperatorView view = new OperatorView(http, database, clock);
        view.server().ifPresent(server -> server.add(new EngineersApi(engineers, ticketQueries, ticketActions)));
        view.server().ifPresent(server -> server.add(engineersPage()));
        Runnable mailsQueued = () -> { };
        reception = reception.measuredBy(view.metrics());
        lifecycle.add("database " + databaseShown, database::open, database);
        view.checks().register("database", database::health);
        if (smtp.isPresent()) {
            MailServerWatch mailServer = new MailServerWatch(new SmtpSender(smtp.get()), smtp.get().shown(), view.metrics(), clock);
            view.checks().register("smtp", mailServer);
            OutboxDispatcher dispatcher = new OutboxDispatcher(database, mailServer, clock, OutboxPolicy.DEFAULT)
                    .keepingConnectionFor(OutboxDispatcher.DEFAULT_KEEP_OPEN)
                    .takingFresh(freshReplies);
            OutboxRunner sender = new OutboxRunner(dispatcher, OutboxRunner.DEFAULT_INTERVAL, OutboxRunner.DEFAULT_GRACE);
            lifecycle.add("outbox sender to " + smtp.get().shown(), sender::start, sender);
            reception = reception.afterEachCommit(sender::wake);
            mailsQueued = sender::wake;
        } else {
            SERVICE_LOG.warn("no smtp.url: replies wait in the outbox until a mail server is configured");
        }
        Runnable callsQueued = () -> { };
        if (webhook.isPresent()) {
            WebhookRunner calls = new WebhookRunner(new WebhookSender(database, webhook.get(), clock), WebhookRunner.DEFAULT_INTERVAL,
                    OutboxRunner.DEFAULT_GRACE);
            lifecycle.add("webhook sender to " + webhook.get().shown(), calls::start, calls);
            callsQueued = calls::wake;
        }
        SlaScheduler scheduler = new SlaScheduler(slaAlerts, slaInterval, mailsQueued, callsQueued);
        lifecycle.add("SLA scheduler every " + slaInterval + ", "
                + (onCall.isEmpty() ? "no sla.notify: warnings and breaches mailed only to the engineers on call, if any"
                : "warnings and breaches mailed to the engineers on call and " + String.join(", ", onCall))
                + (webhook.isPresent() ? ", posted to " + webhook.get().shown() : ""), scheduler::start, scheduler);
        mailbox.ifPresentOrElse(box -> {
            MailboxReader reader = MailboxReader.of(box, reception, database, clock).countedBy(view.metrics());
            view.checks().register("mailbox", reader.health());
            lifecycle.add("mailbox reader " + box.shown(), reader::start, reader);
        }, () -> SERVICE_LOG.info("no mailbox.url: no mailbox is read; mail comes in through ingest"));
        lmtp.ifPresent(settings -> {
            LmtpServer listener = new LmtpServer(settings, reception, LmtpServer.DEFAULT_GRACE);
            lifecycle.add("LMTP listener on " + settings.shown(), listener::start, listener);
        });
        lifecycle.add(view.shown(), view::start, view);
        lifecycle.start();
        SERVICE_LOG.info("ticketpost serve ready: {}", String.join("; ", lifecycle.running()));
    }

    /** The engineers' web page, on the desk like the command line. */
    private EngineersPage engineersPage() {
        Map<String, String> labels = new LinkedHashMap<>();
        template.fields().forEach(field -> labels.put(field.name(), field.label(language)));
        return new EngineersPage(engineers, ticketQueries, ticketActions, new AttachmentFiles(ticketQueries, files::find),
                new EngineersPage.Settings(secureCookies, zone, labels), clock);
    }

    /** http.secure-cookies: whether the page is reached over https, so that its cookies may say Secure. */
    private static boolean secureCookies(Settings settings) {
        String value = settings.text("http.secure-cookies", "false");
        if (!value.equals("true") && !value.equals("false")) {
            settings.problem(settings.named("http.secure-cookies") + " must be true or false, was '" + value + "'");
        }
        return value.equals("true");
    }

    /**
     * Stops before any mail is taken in when a registered key names a plan the plans file no
     * longer holds: its tickets would get no targets. The check opens the database; where that
     * does not answer, starting it says so.
     *
     * @throws ConfigException naming each plan and the keys that name it
     */
    private void requirePlansOfTheKeys() {
        Map<String, List<String>> unknown;
        try {
            unknown = keyRegistry.keysOfUnknownPlans();
        } catch (StoreException e) {
            return;   // the database's start below names it and why it does not answer
        }
        List<String> messages = new ArrayList<>();
        unknown.forEach((plan, keys) -> messages.add(plansLocation + " has no plan '" + plan + "', which "
                + (keys.size() == 1 ? "the support key " : keys.size() + " support keys name: ") + String.join(", ", keys)
                + (keys.size() == 1 ? " names" : "") + "; add the plan again (plans: " + String.join(", ", plans.names())
                + "), or give its keys another plan with ticketpost keys import"));
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }

    /**
     * Reads the configuration.
     *
     * @param env the environment: TICKETPOST_* variables override config/ticketpost.properties
     * @throws org.ticketpost.config.ConfigException listing every mistake
     */
    public static Application configure(Map<String, String> env, Clock clock) {
        return new Application(env, clock);
    }

    /** Receives mail into the database, which it opens now: an unreachable one is reported before any mail is read. */
    public Reception reception() {
        database.open();
        return reception;
    }

    /** The support keys, as an operator registers them. */
    public KeyRegistry keys() {
        return keyRegistry;
    }

    /** The support engineers' accounts, which every door signs engineers in with. */
    public Engineers engineers() {
        return engineers;
    }

    /** What intake would make of a mail, storing nothing. */
    public MailCheck checks() {
        return mailCheck;
    }

    /** The SLA plans of config/sla-plans.yaml: targets and calendar by plan and severity. */
    public SlaPlans plans() {
        return plans;
    }

    /** The tickets, as engineers read them. */
    public TicketQueries tickets() {
        return ticketQueries;
    }

    /** What engineers do to tickets: status, severity, answers, and the SLA clocks with them. */
    public TicketActions ticketActions() {
        return ticketActions;
    }

    /** The SLA scheduler's work, one pass at a time: what serve runs every sla.interval. */
    public SlaAlerts slaAlerts() {
        return slaAlerts;
    }

    /** Queues a webhook call for an event, in the caller's transaction; nothing where webhook.url is unset. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** The long-running parts: a command that serves adds them, then starts it; closing stops them. */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public LazyDatabase database() {
        return database;
    }

    /** Where intake hands the replies it commits to an outbox sender in this process, once one has opened it. */
    public FreshReplies freshReplies() {
        return freshReplies;
    }

    public FileStore files() {
        return files;
    }

    /** How ticket numbers appear in subjects. */
    public TicketTag ticketTag() {
        return ticketTag;
    }

    public SupportTemplate template() {
        return template;
    }

    /** The ticketpost command with its subcommands; which database and file store are in use goes to the log. */
    CommandLine commandLine(InputStream stdin, PrintWriter log) {
        this.log = log::println;
        CommandLine commandLine = new CommandLine(new Ticketpost());
        commandLine.addSubcommand(new CheckCommand(mailCheck, template));
        commandLine.addSubcommand(new IngestCommand(() -> reception().failuresToldByCaller(), () -> stdin,
                () -> System.console() != null, ingestThreads));
        commandLine.addSubcommand(KeysCommand.create(keyRegistry));
        commandLine.addSubcommand(EngineersCommand.create(engineers, () -> stdin, System::console));
        commandLine.addSubcommand(TicketsCommand.create(ticketQueries, ticketActions, template, zone, language,
                Optional.ofNullable(env.get(TicketsCommand.ENGINEER_VARIABLE)).filter(name -> !name.isBlank())));
        commandLine.addSubcommand(OutboxCommand.create(new Outbox(database, database::missing, clock), zone,
                System.getProperty("user.name", "operator")));
        commandLine.addSubcommand(new ServeCommand(this::serve));
        commandLine.addSubcommand(new DemoCommand((data, out) -> Demo.start(env, clock, data, out,
                templates.require("samples/request-en.eml").getBytes(StandardCharsets.UTF_8), shownJar())));
        return commandLine;
    }

    /** How a person starts this jar again, for the commands a demo suggests. */
    private static String shownJar() {
        return jar().map(path -> {
            Path relative = Path.of("").toAbsolutePath().relativize(path);
            return relative.startsWith("..") ? path.toString() : relative.toString();
        }).orElse("target/ticketpost.jar");
    }

    /** The jar Ticketpost runs from; none when it runs from compiled classes, as in a test. */
    private static Optional<Path> jar() {
        try {
            CodeSource source = Application.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static TicketTag tag(Settings settings) {
        String format = settings.text("ticket.tag", "[Ticket#{number}]");
        try {
            return new TicketTag(format);
        } catch (IllegalArgumentException e) {
            settings.problem(settings.named("ticket.tag") + ": " + e.getMessage());
            return new TicketTag("[Ticket#{number}]");
        }
    }

    /** sla.notify: the on-call engineers' addresses, comma-separated; none when unset. */
    private static List<String> onCall(Settings settings) {
        List<String> addresses = new ArrayList<>();
        for (String address : settings.text("sla.notify", "").split(",")) {
            String given = address.strip();
            if (given.isEmpty()) {
                continue;
            }
            if (given.matches("[^@\\s<>,]+@[^@\\s<>,]+")) {
                addresses.add(given);
            } else {
                settings.problem(settings.named("sla.notify") + " must be e-mail addresses separated by commas, was '" + given + "'");
            }
        }
        return addresses;
    }

    private static Duration databaseTimeout(Settings settings) {
        Duration timeout = settings.duration("db.timeout", DatabaseSettings.DEFAULT_TIMEOUT);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            settings.problem(settings.named("db.timeout") + " must be between PT1S and PT1H, was " + timeout);
            return DatabaseSettings.DEFAULT_TIMEOUT;
        }
        return timeout;
    }

    /**
     * Every reply in every language it may be written in: the template's, which customers write
     * in and which the setting language, the on-call engineers', is one of; a text missing or
     * broken is named at start, not found by the first mail that needs it.
     */
    private static ReplyTemplates requireReplyTexts(ReplyTemplates texts, Folder templates, SupportTemplate template) {
        SortedSet<String> languages = template.labelLanguages();
        List<String> problems = texts.problems(languages);
        if (!problems.isEmpty()) {
            throw new ConfigException(templates.shown() + " has " + problems.size() + " problem(s) with the reply texts"
                    + " (each reply needs one in " + String.join(", ", languages) + "):\n  " + String.join("\n  ", problems));
        }
        return texts;
    }

    /** The language in which Ticketpost speaks to engineers, e.g. the labels of a ticket's fields. */
    private static String language(Settings settings, SupportTemplate template) {
        String language = settings.text("language", SupportTemplate.DEFAULT_LANGUAGE);
        if (!template.labelLanguages().contains(language)) {
            settings.problem(settings.named("language") + " must be one of " + String.join(", ", template.labelLanguages())
                    + " (the languages of the template's labels), was '" + language + "'");
        }
        return language;
    }

    private static ZoneId zone(Settings settings) {
        String zone = settings.text("time.zone", "Europe/Berlin");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            settings.problem(settings.named("time.zone") + " must be a time zone such as Europe/Berlin, was '" + zone + "'");
            return ZoneId.of("Europe/Berlin");
        }
    }

    /** Stops the long-running parts, then closes the database they used. */
    @Override
    public void close() {
        lifecycle.close();
        database.close();
    }
}
