/**
 * Small adapters that give the x86 providers the public no-argument constructors plugin.xml needs, where the
 * provider class itself is parameterised (the 3.19 [vsyscall] gate). The contributions are in org.mmwb.x86's
 * plugin.xml: the built-in providers reach the simulator through the extension point like everybody else's.
 */
package org.mmwb.x86.registry;
