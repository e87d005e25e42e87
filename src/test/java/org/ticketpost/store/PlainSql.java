package org.ticketpost.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ticketpost.testing.TestDatabase;

/** A database as Ticketpost migrates it, spoken to in plain JDBC: for tests of a query's plan and locks. */
final class PlainSql {

    private PlainSql() {
    }

    /** A new connection to the database, its schema migrated first. */
    static Connection migrated(TestDatabase database) throws SQLException {
        Database.open(new DatabaseSettings(database.url(), database.user(), "", 2)).close();
        return connect(database);
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), "");
    }

    /** The query's first column, row by row, as text. */
    static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
