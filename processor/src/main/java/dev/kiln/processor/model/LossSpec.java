package dev.kiln.processor.model;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import java.util.Set;

/**
 * A resolved loss with every option at its given or default value; {@code given} names the options
 * the user wrote, which are the ones generated code passes on.
 */
public record LossSpec(LossKind kind, Reduction reduction, float[] weight, int ignoreIndex, float labelSmoothing,
    float[] posWeight, float beta, float delta, float alpha, float gamma, boolean logTarget, Set<String> given) {

  public LossSpec {
    weight = weight.clone();
    posWeight = posWeight.clone();
    given = Set.copyOf(given);
  }

  @Override
  public float[] weight() {
    return weight.clone();
  }

  @Override
  public float[] posWeight() {
    return posWeight.clone();
  }

  public boolean isGiven(String option) {
    return given.contains(option);
  }
}
