package dev.kiln.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.Dependency;
import org.apache.spark.rdd.ParallelCollectionRDD;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;

/** What an RDD's lineage says about the cost of running tasks on it. */
final class Lineage {
  private Lineage() {}

  /**
   * Whether the rows ride inside the RDD's partitions, as {@code parallelize} puts them: every task of
   * every step would then ship its partition's rows again, however they are cached.
   */
  static boolean carriesRowsInPartitions(RDD<?> rdd) {
    Deque<RDD<?>> pending = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    pending.push(rdd);
    while (!pending.isEmpty()) {
      RDD<?> next = pending.pop();
      if (!seen.add(next.id())) continue;
      if (next instanceof ParallelCollectionRDD) return true;
      for (Dependency<?> dependency : CollectionConverters.asJava(next.dependencies())) pending.push(dependency.rdd());
    }
    return false;
  }
}
