package dev.kiln.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {
  @Test
  void printsOneLinePerEpochUnderAHeader() {
    TrainingHistory history = new TrainingHistory(List.of(
        new EpochResult(1, 0.6931472, 0.1, 0.5, 0.625, 1.234, 1000),
        new EpochResult(2, 0.25, 0.05, 0.875, 0.9, 0.5, 2000)));
    assertEquals("""
        epoch        loss  accuracy   val acc          lr  seconds
            1    0.693147    0.5000    0.6250      0.1000     1.23
            2    0.250000    0.8750    0.9000     0.05000     0.50
        """, history.toString());
  }

  @Test
  void showsADashWhereThereIsNoAccuracy() {
    TrainingHistory history = new TrainingHistory(List.of(new EpochResult(1, 2.5, 0.001, Double.NaN, Double.NaN, 3, 10)));
    assertEquals("""
        epoch        loss  accuracy   val acc          lr  seconds
            1    2.500000         -         -    0.001000     3.00
        """, history.toString());
  }
}
