/** Building, starting and talking to the live-kernel helper; parsing its answers and /proc files. Not API. */
package org.mmwb.host.internal;
