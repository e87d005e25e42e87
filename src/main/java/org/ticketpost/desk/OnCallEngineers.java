package org.ticketpost.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ticketpost.ticket.Engineer;
import org.ticketpost.ticket.Stores;

/**
 * Who is told when something cannot wait: the engineers whose accounts are on call (and not
 * disabled) and the addresses of sla.notify, each once. Phone escalations and SLA alerts reach
 * the same people.
 */
public final class OnCallEngineers {

    private final List<String> slaNotify;

    /** @param slaNotify the addresses of sla.notify, told beside the engineers on call */
    public OnCallEngineers(List<String> slaNotify) {
        this.slaNotify = List.copyOf(slaNotify);
    }

    /** Each address once, in any case: an engineer on call may also be listed in sla.notify. */
    public List<String> addresses(Stores stores) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        Stream.concat(accountAddresses(stores).stream(), slaNotify.stream())
                .forEach(address -> byLowerCase.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        return new ArrayList<>(byLowerCase.values());
    }

    /** The addresses of the accounts on call, by name; disabled ones are not told. */
    static List<String> accountAddresses(Stores stores) {
        return stores.engineers().all().stream()
                .filter(engineer -> engineer.isOnCall() && !engineer.isDisabled())
                .map(Engineer::email)
                .toList();
    }
}
