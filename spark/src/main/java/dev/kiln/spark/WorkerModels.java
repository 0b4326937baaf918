package dev.kiln.spark;

import dev.kiln.runtime.KilnModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Makes, on an executor, a model of the class the driver trains: through the generated class's static
 * {@code create(long)}, so that neither a model nor a trainer is ever serialized.
 */
final class WorkerModels {
  /** The last model each executor thread made, reused: the broadcast state overwrites all of it. */
  private static final ThreadLocal<KilnModel> LAST = new ThreadLocal<>();

  private WorkerModels() {}

  /** A model of {@code modelClass} for this thread alone, its contents whatever they were last. */
  static KilnModel reusable(Class<? extends KilnModel> modelClass) {
    KilnModel model = LAST.get();
    if (model == null || model.getClass() != modelClass) {
      model = create(modelClass);
      LAST.set(model);
    }
    return model;
  }

  /** Throws, naming the class, when {@code modelClass} is not a generated model. */
  static void check(Class<? extends KilnModel> modelClass) {
    factory(modelClass);
  }

  static KilnModel create(Class<? extends KilnModel> modelClass) {
    try {
      return modelClass.cast(factory(modelClass).invoke(null, 0L));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(modelClass.getName() + ".create(long) is not accessible", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(modelClass.getName() + ".create(long) failed", e.getCause());
    }
  }

  private static Method factory(Class<? extends KilnModel> modelClass) {
    try {
      Method create = modelClass.getMethod("create", long.class);
      if (Modifier.isStatic(create.getModifiers()) && create.getReturnType() == modelClass) return create;
    } catch (NoSuchMethodException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(modelClass.getName() + " is not a generated model: it has no static create(long)"
        + " returning it; KilnSpark.fit trains the models Kiln generates (such as BlobNetModel)");
  }
}
