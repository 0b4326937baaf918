package dev.kiln.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each annotation may stand and how long it lives are part of the DSL: the processor reads
 * them from class files too (CLASS retention), and javac rejects them anywhere else.
 */
class AnnotationContractTest {
  private static final List<Class<?>> ACTIVATIONS =
      List.of(ReLU.class, Tanh.class, Sigmoid.class, Softmax.class, LogSoftmax.class, LeakyReLU.class,
          PReLU.class, ELU.class, GELU.class, SiLU.class, Softplus.class, Dropout.class);

  @Test
  void modelAndLossGoOnTypes() {
    assertTargets(Model.class, ElementType.TYPE);
    assertTargets(Loss.class, ElementType.TYPE);
    assertTargets(Input.class, ElementType.TYPE);
  }

  @Test
  void linearAndActivationsGoOnMethods() {
    assertTargets(Linear.class, ElementType.METHOD);
    assertTargets(Flatten.class, ElementType.METHOD);
    for (Class<?> activation : ACTIVATIONS) assertTargets(activation, ElementType.METHOD);
  }

  @Test
  void everyAnnotationIsKeptInClassFiles() {
    for (Class<?> annotation : List.of(Model.class, Loss.class, Input.class, Linear.class, Flatten.class)) {
      assertClassRetention(annotation);
    }
    for (Class<?> activation : ACTIVATIONS) assertClassRetention(activation);
  }

  @Test
  void linearInfersInAndHasABiasByDefault() throws NoSuchMethodException {
    assertEquals(Linear.INFERRED, Linear.class.getMethod("in").getDefaultValue());
    assertEquals(true, Linear.class.getMethod("bias").getDefaultValue());
  }

  @Test
  void inputSizesAreNotGivenByDefault() throws NoSuchMethodException {
    for (String size : List.of("features", "channels", "height", "width")) {
      assertEquals(Input.NOT_GIVEN, Input.class.getMethod(size).getDefaultValue(), size);
    }
  }

  @Test
  void lossReducesByTheMeanByDefault() throws NoSuchMethodException {
    assertEquals(Reduction.MEAN, Loss.class.getMethod("reduction").getDefaultValue());
  }

  private static void assertTargets(Class<?> annotation, ElementType... expected) {
    assertArrayEquals(expected, annotation.getAnnotation(Target.class).value(), annotation.getSimpleName());
  }

  private static void assertClassRetention(Class<?> annotation) {
    assertEquals(RetentionPolicy.CLASS, annotation.getAnnotation(Retention.class).value(), annotation.getSimpleName());
  }
}
