package org.ticketpost.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.Session;

/**
 * A one-row query in plain SQL on the session's connection, inside its transaction. For the
 * few lookups that run for every mail, where building a Hibernate query costs more than
 * the database's answer. Hibernate flushes what a session holds before a query of its own
 * reads the tables concerned, not before plain SQL: the session is flushed first, so that a
 * lookup sees what its transaction stored before it.
 */
final class Jdbc {

    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> Optional<T> query(Session session, String sql, Parameters parameters, Row<T> row) {
        session.flush();
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.ofNullable(row.read(result)) : Optional.empty();
                }
            }
        });
    }
}
