package test;

import static test.BlobNetModel.*;

import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.Activation;
import dev.kiln.runtime.Batches;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.Kernels;
import dev.kiln.runtime.loss.CrossEntropy;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.OptimizerState;
import javax.annotation.processing.Generated;

/**
 * Trains a {@link BlobNetModel} with CROSS_ENTROPY loss. Made by {@link BlobNetModel#trainer}; not thread-safe.
 */
@Generated(
        value = "dev.kiln.processor.KilnProcessor",
        comments = "from test.BlobNet"
)
public final class BlobNetTrainer implements ClassIndexTrainer {
    private final BlobNetModel model;

    private final float[] parameters;

    private final float[] gradients = new float[PARAMETER_COUNT];

    private final OptimizerState optimizer;

    private final Kernels kernels = KernelProvider.kernels();

    /**
     * The batch size the workspaces are sized for.
     */
    private int rows;

    private float[] hiddenOutput;

    private float[] hiddenGradient;

    private float[] outOutput;

    private float[] outGradient;

    BlobNetTrainer(BlobNetModel model, float[] parameters, Optimizer optimizer) {
        this.model = model;
        this.parameters = parameters;
        this.optimizer = optimizer.newState(PARAMETER_COUNT);
    }

    /**
     * One training step on a batch: forward, CROSS_ENTROPY loss, backward, and the optimizer's update.
     *
     * @param x the inputs, [rows x IN] row-major; any number of rows
     * @param targets one class index in [0, OUT) per row
     * @return the batch's loss (mean reduction), computed before the update
     */
    @Override
    public float step(float[] x, int[] targets) {
        int rows = Batches.rows(x, IN);
        Batches.targets(targets);
        ensureWorkspaces(rows);

        // hidden: Linear(2 -> 10) + ReLU
        kernels.linearForward(x, parameters, HIDDEN_WEIGHT, HIDDEN_BIAS, hiddenOutput, rows, HIDDEN_IN, HIDDEN_OUT, Activation.RELU);
        // out: Linear(10 -> 2)
        kernels.linearForward(hiddenOutput, parameters, OUT_WEIGHT, OUT_BIAS, outOutput, rows, OUT_IN, OUT_OUT, Activation.IDENTITY);

        // Loss: softmax and cross-entropy in one pass: the loss and d(logits) = (softmax - onehot) / N.
        float loss = CrossEntropy.withLogits(outOutput, targets, outGradient, rows, OUT, Reduction.MEAN);

        // Backward through out: Linear(10 -> 2)
        kernels.linearParameterGradient(outGradient, hiddenOutput, gradients, OUT_WEIGHT, OUT_BIAS, rows, OUT_IN, OUT_OUT);
        kernels.linearInputGradient(outGradient, parameters, OUT_WEIGHT, hiddenGradient, rows, OUT_IN, OUT_OUT);
        // Backward through hidden: Linear(2 -> 10) + ReLU
        Activation.RELU.backward(hiddenOutput, hiddenGradient, rows, HIDDEN_OUT);
        kernels.linearParameterGradient(hiddenGradient, x, gradients, HIDDEN_WEIGHT, HIDDEN_BIAS, rows, HIDDEN_IN, HIDDEN_OUT);

        optimizer.step(parameters, gradients);
        return loss;
    }

    /**
     * Sizes the workspaces for {@code rows} rows; allocates only when the batch size changes.
     */
    private void ensureWorkspaces(int rows) {
        if (rows == this.rows) {
            return;
        }
        hiddenOutput = new float[rows * HIDDEN_OUT];
        hiddenGradient = new float[rows * HIDDEN_OUT];
        outOutput = new float[rows * OUT_OUT];
        outGradient = new float[rows * OUT_OUT];
        this.rows = rows;
    }

    /**
     * The gradients of the last step's loss, live, laid out as {@link BlobNetModel#parameters()}.
     */
    @Override
    public float[] gradients() {
        return gradients;
    }

    /**
     * The model this trainer updates.
     */
    @Override
    public BlobNetModel model() {
        return model;
    }
}
