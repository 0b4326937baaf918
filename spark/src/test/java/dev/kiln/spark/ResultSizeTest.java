package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gradient too large for a task's direct result gets one line saying which setting to raise. */
class ResultSizeTest {
  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getLogger(KilnSpark.class.getName());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  @Test
  void aGradientAboveTheDefaultOneMegabyteNamesTheSettingAndASize() {
    ResultSize.adviseOn(new SparkConf(false), 669_706);
    assertEquals(List.of("KilnSpark: each partition's gradient (2,678,824 bytes) exceeds"
        + " spark.task.maxDirectResultSize (1,048,576 bytes) and goes through the block manager every step;"
        + " set it to 4m or more to save that round trip"), lines);
  }

  @Test
  void aGradientWithinTheSettingSaysNothing() {
    ResultSize.adviseOn(new SparkConf(false).set("spark.task.maxDirectResultSize", "16m"), 669_706);
    ResultSize.adviseOn(new SparkConf(false), 101_770);
    assertTrue(lines.isEmpty(), lines.toString());
  }
}
