package org.ticketpost.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database and the file store hold after ingest runs, compared with what ingest
 * acknowledged: a mail acknowledged but not stored is lost, a mail stored as two tickets is
 * duplicated, a stored mail whose raw bytes are not in the file store is missing its file.
 */
public record StoredMails(int acknowledged, long tickets, int lost, long duplicated, long missingFiles) {

    /**
     * @param acknowledged file to ticket number, as ingest acknowledged them
     * @param messageIds file to the Message-ID of the mail in it
     */
    public static StoredMails compare(Map<String, String> acknowledged, Map<String, String> messageIds, TestDatabase database,
            Path files) {
        List<List<String>> stored = database.rows("select t.number, m.message_id, m.raw_sha256 from ticket t "
                + "join message m on m.ticket_id = t.id and m.direction = 'IN'");
        Set<String> numberAndMessageId = new HashSet<>();
        Set<String> storedMessageIds = new HashSet<>();
        long missingFiles = 0;
        for (List<String> row : stored) {
            String messageId = row.get(1).replaceAll("^<|>$", "");
            numberAndMessageId.add(row.get(0) + " " + messageId);
            storedMessageIds.add(messageId);
            String sha256 = row.get(2);
            if (!Files.isRegularFile(files.resolve(sha256.substring(0, 2)).resolve(sha256))) {
                missingFiles++;
            }
        }
        int lost = 0;
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            if (!numberAndMessageId.contains(ack.getValue() + " " + messageIds.get(ack.getKey()))) {
                lost++;
            }
        }
        long tickets = database.count("select count(*) from ticket");
        return new StoredMails(acknowledged.size(), tickets, lost, tickets - storedMessageIds.size(), missingFiles);
    }
}
