package dev.kiln.runtime.graph;

/**
 * {@code nn.BatchNorm1d} or {@code nn.BatchNorm2d} in eval mode, per feature or per channel (the
 * input's dimension 1). With {@code trackRunningStats} it normalises with the running statistics
 * {@code runningMean} and {@code runningVar}; without, as PyTorch does, with the batch's own (biased
 * variance), and those two are null. {@code weight} and {@code bias} are null when it is not affine.
 */
public record BatchNormOp(int channels, float eps, boolean trackRunningStats, String weight, String bias,
    String runningMean, String runningVar) implements Operation {
  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.batchNorm(this);
  }
}
