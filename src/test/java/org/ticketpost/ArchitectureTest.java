package org.ticketpost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the package layout, kept by the build rather than by memory. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ticketpost");

    @Test
    void theDomainDependsOnNoFrameworkButJpaAnnotations() {
        classes().that().resideInAPackage("org.ticketpost.ticket..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.persistence..", "org.ticketpost.ticket..")
                .check(MAIN);
    }

    @Test
    void theTemplateReaderIsPlainJava() {
        classes().that().resideInAPackage("org.ticketpost.form..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ticketpost.form..")
                .check(MAIN);
    }

    @Test
    void servicePlansAreValuesOfPlainJavaAndTheDomain() {
        classes().that().resideInAPackage("org.ticketpost.sla..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ticketpost.sla..", "org.ticketpost.ticket..")
                .check(MAIN);
    }

    @Test
    void healthChecksTheMetricsPortAndThePollerArePlainJavaSoThatAnyPartMayUseThem() {
        classes().that().resideInAPackage("org.ticketpost.ops..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "org.ticketpost.ops..")
                .check(MAIN);
    }

    @Test
    void onlyTheHttpPackageServesHttpAndKeepsMetrics() {
        noClasses().that().resideOutsideOfPackage("org.ticketpost.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
                        "io.micrometer..", "io.prometheus..")
                .check(MAIN);
    }

    @Test
    void thePartsThatReportToTheOperatorKnowOnlyItsPortsNotTheHttpServer() {
        noClasses().that().resideInAnyPackage("org.ticketpost.intake..", "org.ticketpost.reply..", "org.ticketpost.desk..",
                        "org.ticketpost.mail..", "org.ticketpost.store..", "org.ticketpost.config..", "org.ticketpost.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.ticketpost.http..")
                .check(MAIN);
    }

    @Test
    void onlyTheMailPackageTouchesMimeAndHtmlParsing() {
        noClasses().that().resideOutsideOfPackage("org.ticketpost.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.james.mime4j..", "org.jsoup..", "jakarta.mail..",
                        "org.eclipse.angus..", "com.icegreen..")
                .check(MAIN);
    }

    @Test
    void onlyTheStorePackageTouchesHibernatePoolAndMigrations() {
        noClasses().that().resideOutsideOfPackage("org.ticketpost.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "com.zaxxer..", "org.flywaydb..")
                .check(MAIN);
    }

    @Test
    void intakeKnowsNeitherTheStoreNorTheMailLibrariesNorTheCommandLine() {
        noClasses().that().resideInAPackage("org.ticketpost.intake..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ticketpost.store..", "org.ticketpost.mail..", "org.ticketpost.cli..", "picocli..",
                        "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void theDeskServesEveryDoorAndKnowsNoneOfThemNorTheStoreNorJson() {
        noClasses().that().resideInAPackage("org.ticketpost.desk..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ticketpost.cli..", "picocli..", "org.ticketpost.store..", "org.ticketpost.mail..",
                        "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void repliesAreWrittenWithoutKnowingWhereMailComesFromOrGoes() {
        noClasses().that().resideInAPackage("org.ticketpost.reply..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ticketpost.intake..", "org.ticketpost.store..", "org.ticketpost.mail..", "org.ticketpost.cli..")
                .check(MAIN);
    }

    @Test
    void theEngineersApiWorksThroughTheDeskNotTheStoreNorItsTransactions() {
        noClasses().that().resideInAPackage("org.ticketpost.http.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ticketpost.store..", "org.ticketpost.mail..",
                        "org.ticketpost.intake..", "org.ticketpost.cli..", "picocli..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.ticketpost.ticket.UnitOfWork")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.ticketpost.ticket.Stores")
                .check(MAIN);
    }

    @Test
    void theJsonEveryDoorWritesKnowsNoDoor() {
        noClasses().that().resideInAPackage("org.ticketpost.json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ticketpost.cli..", "org.ticketpost.http..", "picocli..",
                        "io.javalin..", "org.ticketpost.store..")
                .check(MAIN);
    }

    @Test
    void theCommandLineWorksThroughPortsNotTheStore() {
        noClasses().that().resideInAPackage("org.ticketpost.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ticketpost.store..", "org.ticketpost.mail..")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("org.ticketpost.cli..", "org.ticketpost")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void theLmtpListenerDeliversThroughIntakeAndKnowsNeitherTheStoreNorTheOtherDoors() {
        noClasses().that().resideInAPackage("org.ticketpost.lmtp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ticketpost.store..", "org.ticketpost.mail..",
                        "org.ticketpost.cli..", "org.ticketpost.desk..", "picocli..")
                .check(MAIN);
    }

    @Test
    void webhooksAreQueuedThroughTheStorePortsAndKnowNeitherTheStoreNorTheDoors() {
        noClasses().that().resideInAPackage("org.ticketpost.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ticketpost.store..", "org.ticketpost.mail..",
                        "org.ticketpost.cli..", "org.ticketpost.desk..", "org.ticketpost.intake..", "org.ticketpost.alert..")
                .check(MAIN);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.ticketpost.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
