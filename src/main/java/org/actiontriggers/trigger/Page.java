package org.actiontriggers.trigger;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the entries on this page
 * @param total how many entries the whole list has
 * @param page the page number, from 1
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    /** The index of the first entry of a page, for {@code setFirstResult}. */
    public static int firstIndex(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size);
    }
}
