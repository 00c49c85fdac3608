/** Replays a recording on the simulator and measures how faithfully it reproduces the live kernel. */
package org.mmwb.record.replay;
