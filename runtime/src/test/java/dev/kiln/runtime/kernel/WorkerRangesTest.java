package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerRangesTest {
  private final float[] grads = new float[100];

  private static List<String> ranges(WorkerRanges ranges) {
    List<String> out = new ArrayList<>();
    ranges.forEach((start, end) -> out.add(start + "-" + end));
    return out;
  }

  private static List<String> gaps(WorkerRanges ranges, int n) {
    List<String> out = new ArrayList<>();
    ranges.forEachGap(n, (start, end) -> out.add(start + "-" + end));
    return out;
  }

  @Test
  void rangesComeOutInOrderAndTheGapsAreTheRest() {
    WorkerRanges ranges = new WorkerRanges();
    ranges.record(grads, 60, 80);
    ranges.record(grads, 10, 30);
    assertEquals(List.of("10-30", "60-80"), ranges(ranges));
    assertEquals(List.of("0-10", "30-60", "80-100"), gaps(ranges, 100));
  }

  @Test
  void aLayerRecordedAgainReplacesItsRange() {
    WorkerRanges ranges = new WorkerRanges();
    ranges.record(grads, 10, 30);
    ranges.record(grads, 10, 20);
    assertEquals(List.of("10-20"), ranges(ranges));
  }

  @Test
  void anotherGradientArrayStartsAfresh() {
    WorkerRanges ranges = new WorkerRanges();
    ranges.record(grads, 10, 30);
    float[] other = new float[100];
    ranges.record(other, 50, 60);
    assertEquals(List.of("50-60"), ranges(ranges));
    assertFalse(ranges.covers(grads, 100));
    assertTrue(ranges.covers(other, 100));
  }

  @Test
  void rangesBeyondTheParametersOrOverlappingAreNotUsed() {
    WorkerRanges ranges = new WorkerRanges();
    ranges.record(grads, 90, 120);
    assertFalse(ranges.covers(grads, 100));
    WorkerRanges overlapping = new WorkerRanges();
    overlapping.record(grads, 10, 40);
    overlapping.record(grads, 30, 50);
    assertFalse(overlapping.covers(grads, 100));
  }

  @Test
  void manyLayersGrowTheRecord() {
    WorkerRanges ranges = new WorkerRanges();
    for (int i = 0; i < 20; i++) ranges.record(grads, 90 - 4 * i, 92 - 4 * i);
    assertEquals(20, ranges(ranges).size());
    assertTrue(ranges.covers(grads, 100));
    assertEquals("14-16", ranges(ranges).get(0));
  }
}
