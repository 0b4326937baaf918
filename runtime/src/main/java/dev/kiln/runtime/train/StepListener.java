package dev.kiln.runtime.train;

/** Called by {@code fit} after each training step, on the training thread (see {@code FitOptions.onStepEnd}). */
@FunctionalInterface
public interface StepListener {
  /**
   * @param step the steps taken so far in the whole run, this one included (from 1; a resumed run goes on
   *     counting from its checkpoint)
   * @param loss the step's loss, as {@code trainer.step} returned it
   */
  void onStepEnd(long step, float loss);
}
