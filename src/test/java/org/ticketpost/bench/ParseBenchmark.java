package org.ticketpost.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.RequestCheck;
import org.ticketpost.intake.UnreadableMailException;
import org.ticketpost.mail.MimeDecoder;
import org.ticketpost.testing.Templates;

/**
 * Parse and validate, as `ticketpost check` does: a typical 5 KB request, and one with a 10 MB
 * attachment. The large case runs with a 64 MB heap, so it passes only if memory stays flat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private byte[] typical;
    private MimeDecoder parser;
    private RequestCheck requests;

    @Setup
    public void setUp() {
        SupportTemplate template = Templates.standard();
        typical = GeneratedMails.typicalRequest(1);
        parser = new MimeDecoder();
        requests = new RequestCheck(new FormReader(template), new FormCheck(template));
    }

    @Benchmark
    public FilledForm typicalMail() throws IOException, UnreadableMailException {
        return requests.check(parser.parse(new ByteArrayInputStream(typical), AttachmentSink.COUNTING));
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
    public FilledForm tenMegabyteAttachment() throws IOException, UnreadableMailException {
        try (InputStream mail = GeneratedMails.withAttachment(TEN_MB)) {
            return requests.check(parser.parse(mail, AttachmentSink.COUNTING));
        }
    }

    /** For a quick look without JMH: mails/s over a few seconds. */
    public static void main(String[] args) throws Exception {
        ParseBenchmark bench = new ParseBenchmark();
        bench.setUp();
        System.out.println("size " + bench.typical.length);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            bench.typicalMail();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            bench.typicalMail();
        }
        System.out.println("allocated per mail: " + (threads.getCurrentThreadAllocatedBytes() - before) / 10_000 + " bytes");
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 2_000_000_000L) {
                bench.typicalMail();
                n++;
            }
            System.out.printf("%.0f mails/s%n", n / ((System.nanoTime() - start) / 1e9));
        }
    }
}
