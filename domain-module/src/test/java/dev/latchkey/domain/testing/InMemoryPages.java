package dev.latchkey.domain.testing;

import dev.latchkey.domain.shared.Page;
import dev.latchkey.domain.shared.PageRequest;
import java.util.List;

/** Cuts one page out of an already filtered and sorted list. */
final class InMemoryPages {
    private InMemoryPages() {}

    static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), all.size(), request);
    }
}
