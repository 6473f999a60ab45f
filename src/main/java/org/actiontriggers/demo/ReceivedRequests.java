package org.actiontriggers.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The demo receiver's memory: the last {@value #CAPACITY} requests, oldest first. */
@ApplicationScoped
public class ReceivedRequests {

    static final int CAPACITY = 1000;

    private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

    public synchronized void add(ReceivedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    public synchronized List<ReceivedRequest> all() {
        return new ArrayList<>(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
