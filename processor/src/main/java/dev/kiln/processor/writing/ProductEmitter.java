package dev.kiln.processor.writing;

import java.util.List;

/**
 * The traits every product shares (Linear, Conv2d, and the pools, which are products of a window): it
 * writes each row of its output from its input and can apply the member's activation as it does, keeping
 * the pre-activation values the activation's backward pass needs; and it writes its member's input
 * gradient itself, applying the ReLU mask of the member below as it stores it.
 */
abstract class ProductEmitter implements KindEmitter {
  @Override
  public final boolean appliesActivation() {
    return true;
  }

  @Override
  public final boolean writesInputGradient() {
    return true;
  }

  @Override
  public final boolean masksInputGradient() {
    return true;
  }

  @Override
  public List<Workspace> workspaces(StepCode code) {
    return code.keptPreActivation();
  }
}
