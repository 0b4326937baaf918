package dev.kiln.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * One job over the packed rows, one result per partition, in partition order. It is run through
 * {@code SparkContext.runJob} with a named function class: a lambda, or any of the Java API's transformations,
 * has Spark's closure cleaner read class files with ASM on every job, which cost more than the rest of a
 * step's scheduling here.
 */
final class PartitionJob {
  private PartitionJob() {}

  /** What a job computes from one partition's rows; serializable, as it travels with the tasks. */
  @FunctionalInterface
  interface Work<R> extends Serializable {
    R apply(PartitionRows rows);
  }

  static <R> List<R> run(RDD<PartitionRows> packed, Class<R> result, Work<R> work) {
    SparkContext spark = packed.context();
    List<Object> partitions = new ArrayList<>();
    for (int p = 0; p < packed.getNumPartitions(); p++) partitions.add(p);
    Object results = spark.runJob(packed, new Task<>(work), CollectionConverters.asScala(partitions).toSeq(),
        ClassTag$.MODULE$.apply(result));
    List<R> list = new ArrayList<>();
    for (Object r : (Object[]) results) list.add(result.cast(r));
    return list;
  }

  /** The task: not a lambda, so that the closure cleaner leaves it alone. */
  private static final class Task<R> extends AbstractFunction2<TaskContext, Iterator<PartitionRows>, R>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Work<R> work;

    Task(Work<R> work) {
      this.work = work;
    }

    @Override
    public R apply(TaskContext context, Iterator<PartitionRows> rows) {
      return work.apply(rows.next());
    }
  }
}
