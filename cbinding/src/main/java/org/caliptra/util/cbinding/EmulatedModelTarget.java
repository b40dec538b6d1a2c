package org.caliptra.util.cbinding;

import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.RegisterBus;

/**
 * An emulated device in this process, run on its callers' threads: a C caller stepping the model
 * millions of times pays a method call and an uncontended lock per step, not a thread hand-off.
 */
final class EmulatedModelTarget implements ModelTarget {
    private final CaliptraDevice device;

    EmulatedModelTarget(DeviceConfig config, int requesterUser) {
        this.device = CaliptraDevice.createOnCallerThread(config);
        device.setRequesterUser(requesterUser);
    }

    CaliptraDevice device() {
        return device;
    }

    @Override
    public RegisterBus bus() {
        return device;
    }

    @Override
    public Generation generation() {
        return device.config().profile().generation();
    }

    @Override
    public void setRequesterUser(int user) {
        device.setRequesterUser(user);
    }

    @Override
    public boolean readyForFwSeen() {
        return device.readyForFwSeen();
    }

    @Override
    public boolean halted() {
        return device.fatal();
    }

    @Override
    public int outputLength() {
        return device.outputLength();
    }

    @Override
    public int outputCapacity() {
        return device.outputCapacity();
    }

    @Override
    public byte[] output(int from) {
        return device.output(from);
    }

    @Override
    public void close() {
        device.close();
    }
}
