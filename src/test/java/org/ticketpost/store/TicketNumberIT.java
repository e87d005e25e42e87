package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.TestDatabase;

/** Ticket numbers: drawn cheaply on H2, and in the order they were drawn on PostgreSQL's several connections. */
class TicketNumberIT {

    private static final String NEXT_NUMBER = "select nextval('ticket_number_seq')";

    @TempDir
    Path folder;

    @Test
    void drawingTicketNumbersOnH2WritesNothingUntilTheCommit() throws SQLException {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Database.open(new DatabaseSettings(database.url(), database.user(), "", 2)).close();
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                connection.setAutoCommit(false);
                draw(connection, 1);   // the first number of a session takes a cache of them, and writes that down
                long writes = writes(connection);

                List<Long> numbers = draw(connection, 200);

                assertThat(writes(connection)).as("H2's writes while 200 numbers were drawn").isEqualTo(writes);
                assertThat(numbers).isSorted().doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void connectionsDrawingInTurnOnPostgresqlGetNumbersInThatOrder() throws SQLException {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, folder)) {
            Database.open(new DatabaseSettings(database.url(), database.user(), "", 2)).close();
            try (Connection first = DriverManager.getConnection(database.url(), database.user(), "");
                    Connection second = DriverManager.getConnection(database.url(), database.user(), "")) {
                List<Long> numbers = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    numbers.addAll(draw(first, 1));
                    numbers.addAll(draw(second, 1));
                }

                assertThat(numbers).isSorted().doesNotHaveDuplicates();
                assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
            }
        }
    }

    private static List<Long> draw(Connection connection, int count) throws SQLException {
        List<Long> numbers = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                try (ResultSet row = sql.executeQuery(NEXT_NUMBER)) {
                    row.next();
                    numbers.add(row.getLong(1));
                }
            }
        }
        return numbers;
    }

    private static long writes(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select setting_value from information_schema.settings "
                        + "where setting_name = 'info.FILE_WRITE'")) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}
