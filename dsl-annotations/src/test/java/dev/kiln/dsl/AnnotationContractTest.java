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
    for (Class<?> layer : List.of(Flatten.class, Conv2d.class, MaxPool2d.class, AvgPool2d.class)) {
      assertTargets(layer, ElementType.METHOD);
    }
    for (Class<?> activation : ACTIVATIONS) assertTargets(activation, ElementType.METHOD);
  }

  @Test
  void everyAnnotationIsKeptInClassFiles() {
    for (Class<?> annotation : List.of(Model.class, Loss.class, Input.class, Linear.class, Flatten.class,
        Conv2d.class, MaxPool2d.class, AvgPool2d.class)) {
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
  void windowsTakePyTorchsDefaults() throws NoSuchMethodException {
    assertEquals(1, Conv2d.class.getMethod("stride").getDefaultValue());
    assertEquals(0, Conv2d.class.getMethod("padding").getDefaultValue());
    assertEquals(1, Conv2d.class.getMethod("dilation").getDefaultValue());
    assertEquals(Conv2d.INFERRED, Conv2d.class.getMethod("in").getDefaultValue());
    assertEquals(MaxPool2d.KERNEL, MaxPool2d.class.getMethod("stride").getDefaultValue());
    assertEquals(false, MaxPool2d.class.getMethod("ceilMode").getDefaultValue());
    assertEquals(AvgPool2d.KERNEL, AvgPool2d.class.getMethod("stride").getDefaultValue());
    assertEquals(true, AvgPool2d.class.getMethod("countIncludePad").getDefaultValue());
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
