package dev.kiln.onnx;

import dev.kiln.runtime.KilnModel;
import java.lang.reflect.InvocationTargetException;

/** Calls a generated model's {@code probabilities(x)}, which is not on {@link KilnModel}: its type is the model's own. */
final class Probabilities {
  private Probabilities() {}

  static float[] of(KilnModel model, float[] x) {
    try {
      return (float[]) model.getClass().getMethod("probabilities", float[].class).invoke(model, (Object) x);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(model.getClass().getSimpleName() + " has no probabilities(float[])", e);
    }
  }

  static float[] of(KilnModel model, int[] tokens) {
    try {
      return (float[]) model.getClass().getMethod("probabilities", int[].class).invoke(model, (Object) tokens);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(model.getClass().getSimpleName() + " has no probabilities(int[])", e);
    }
  }
}
