package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gaussian error linear unit, {@code x · Φ(x)}, as {@code nn.GELU}: exact, or with PyTorch's tanh
 * approximation.
 * Applied after the member's {@code @Linear}, or on its own on a member without one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface GELU {
  /** PyTorch's {@code approximate} argument. */
  enum Approximate { NONE, TANH }

  Approximate approximate() default Approximate.NONE;
}
