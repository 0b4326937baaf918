package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Softplus, {@code log(1 + e^(beta·x)) / beta}, linear where {@code beta · x > threshold}, as
 * {@code nn.Softplus}.
 * Applied after the member's {@code @Linear}, or on its own on a member without one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Softplus {
  float beta() default 1f;

  float threshold() default 20f;
}
