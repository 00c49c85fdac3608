/** Recording a command on the live kernel with the C recorder shipped in org.mmwb.host (native/mmwb-record.c). */
package org.mmwb.record.live;
