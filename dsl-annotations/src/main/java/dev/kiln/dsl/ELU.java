package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exponential linear unit, {@code x} for positive x and {@code alpha · (e^x - 1)} otherwise, as
 * {@code nn.ELU}.
 * Applied after the member's {@code @Linear}, or on its own on a member without one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ELU {
  float alpha() default 1f;
}
