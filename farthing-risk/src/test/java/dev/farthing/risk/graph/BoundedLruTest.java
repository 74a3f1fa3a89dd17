package dev.farthing.risk.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedLruTest {
    @Test
    void evictsTheLeastRecentlyTouchedAndGetDoesNotReorder() {
        BoundedLru<Integer> lru = new BoundedLru<>(3);
        lru.put("a", 1);
        lru.put("b", 2);
        lru.put("c", 3);
        assertThat(lru.get("a")).isEqualTo(1);      // a read: "a" stays eldest
        lru.put("d", 4);
        assertThat(lru.get("a")).isNull();
        assertThat(lru.touch("b")).isEqualTo(2);    // a touch: "b" becomes newest, "c" eldest
        lru.put("e", 5);
        assertThat(lru.get("c")).isNull();
        assertThat(lru.keysEldestFirst()).containsExactly("d", "b", "e");
        assertThat(lru.size()).isEqualTo(3);
        assertThat(lru.evictions()).isEqualTo(2);
        assertThat(lru.touch("missing")).isNull();
    }

    @Test
    void refusesDuplicateKeysAndBadCapacity() {
        BoundedLru<Integer> lru = new BoundedLru<>(2);
        lru.put("a", 1);
        assertThatThrownBy(() -> lru.put("a", 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new BoundedLru<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
